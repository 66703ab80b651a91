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

  setShared(namespace: string, key: string, value: string): void {
    requireString(namespace, 'setSharedPluginData', 'namespace');
    requireString(key, 'setSharedPluginData', 'key');
    requireString(value, 'setSharedPluginData', 'value');
    this.assertWritable();
    const id = `${namespace}\u0000${key}`;
    if (value === '') this.shared.delete(id);
    else this.shared.set(id, value);
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
