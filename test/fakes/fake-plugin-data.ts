import type { FaultPlan } from './fake-faults.ts';
import type { UndoJournal } from './fake-undo-journal.ts';

/** Figma's limit on one entry (plugin id + key + value), from the setPluginData docs. */
const MAX_ENTRY_BYTES = 100 * 1024;
const FAKE_PLUGIN_ID = 'chorus-colour-tokens';

/**
 * Plugin data as Figma keeps it on a node or style: strings only, "" for a missing key, setting ""
 * removes the key, and an entry over 100 kB throws. Writes through the plugin API are journaled.
 */
export class PluginDataStore {
  private readonly data = new Map<string, string>();
  private readonly shared = new Map<string, string>();

  constructor(
    private readonly ownerId: () => string,
    private readonly journal: UndoJournal,
    private readonly faults: FaultPlan,
    private readonly assertWritable: () => void,
  ) {}

  get(key: string): string {
    requireString(key, 'getPluginData', 'key');
    return this.data.get(key) ?? '';
  }

  keys(): string[] {
    return [...this.data.keys()];
  }

  /** What a new plugin id sees of this owner's private data: nothing (setPluginData docs). */
  forgetPrivate(): void {
    this.data.clear();
  }

  /** A write made by the plugin: checked, journaled, and subject to injected faults. */
  set(key: string, value: string): void {
    requireString(key, 'setPluginData', 'key');
    requireString(value, 'setPluginData', 'value');
    this.assertWritable();
    const bytes = new TextEncoder().encode(FAKE_PLUGIN_ID + key + value).length;
    if (bytes > MAX_ENTRY_BYTES) {
      throw new Error(`in setPluginData: the entry is ${bytes} bytes; the limit is ${MAX_ENTRY_BYTES} (100 kB)`);
    }
    this.faults.check('setPluginData');
    const before = this.get(key);
    this.write(key, value);
    this.journal.record({ op: 'setPluginData', targetId: this.ownerId(), key }, () => this.write(key, before));
  }

  /** A write made by a test control (the designer, another plugin run): not journaled. */
  write(key: string, value: string): void {
    if (value === '') this.data.delete(key);
    else this.data.set(key, value);
  }

  getShared(namespace: string, key: string): string {
    requireString(namespace, 'getSharedPluginData', 'namespace');
    requireString(key, 'getSharedPluginData', 'key');
    return this.shared.get(`${namespace}\u0000${key}`) ?? '';
  }

  /** A write made by the plugin: checked (Figma's namespace rule, the 100 kB entry limit), journaled, subject to faults. */
  setShared(namespace: string, key: string, value: string): void {
    requireString(namespace, 'setSharedPluginData', 'namespace');
    requireString(key, 'setSharedPluginData', 'key');
    requireString(value, 'setSharedPluginData', 'value');
    // setSharedPluginData docs: the namespace is at least 3 alphanumeric characters (or _ and .).
    if (!/^[A-Za-z0-9_.]{3,}$/.test(namespace)) {
      throw new Error(`in setSharedPluginData: namespace "${namespace}" must be at least 3 alphanumeric characters`);
    }
    this.assertWritable();
    const bytes = new TextEncoder().encode(namespace + key + value).length;
    if (bytes > MAX_ENTRY_BYTES) {
      throw new Error(`in setSharedPluginData: the entry is ${bytes} bytes; the limit is ${MAX_ENTRY_BYTES} (100 kB)`);
    }
    this.faults.check('setSharedPluginData');
    const before = this.getShared(namespace, key);
    this.writeShared(namespace, key, value);
    this.journal.record({ op: 'setSharedPluginData', targetId: this.ownerId(), key: `${namespace}.${key}` }, () => this.writeShared(namespace, key, before));
  }

  /** A write made by a test control: not journaled. */
  writeShared(namespace: string, key: string, value: string): void {
    const id = `${namespace}\u0000${key}`;
    if (value === '') this.shared.delete(id);
    else this.shared.set(id, value);
  }

  /** Every shared entry, keyed `namespace.key` (so Chorus's read as `chorus.hex`, `chorus.review`, …). */
  sharedEntries(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [id, value] of [...this.shared.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const [namespace, key] = id.split('\u0000') as [string, string];
      out[`${namespace}.${key}`] = value;
    }
    return out;
  }

  /** Sets `namespace.key` entries as a test control would (the first dot splits namespace from key). */
  writeSharedEntries(entries: Record<string, string>): void {
    for (const [id, value] of Object.entries(entries)) {
      const dot = id.indexOf('.');
      this.writeShared(id.slice(0, dot), id.slice(dot + 1), value);
    }
  }

  sharedKeys(namespace: string): string[] {
    const prefix = `${namespace}\u0000`;
    return [...this.shared.keys()].filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length));
  }
}

function requireString(value: unknown, operation: string, field: string): void {
  if (typeof value !== 'string') {
    throw new Error(`in ${operation}: Expected "${field}" to have type string but got ${value === null ? 'null' : typeof value} instead`);
  }
}
