import type { PluginDataStore } from './fake-plugin-data.ts';

/**
 * What every fake node, style and variable shares with Figma's PluginDataMixin: private and shared
 * plugin data, kept in its `PluginDataStore`, plus the test controls over it.
 */
export abstract class FakePluginDataOwner {
  protected abstract readonly data: PluginDataStore;

  /** Runs before a read: a removed variable refuses it, as Figma's does; others read always. */
  protected beforePluginDataRead(): void {}

  getPluginData(key: string): string {
    this.beforePluginDataRead();
    return this.data.get(key);
  }
  setPluginData(key: string, value: string): void {
    this.data.set(key, value);
  }
  getPluginDataKeys(): string[] {
    return this.data.keys();
  }
  getSharedPluginData(namespace: string, key: string): string {
    return this.data.getShared(namespace, key);
  }
  setSharedPluginData(namespace: string, key: string, value: string): void {
    this.data.setShared(namespace, key, value);
  }
  getSharedPluginDataKeys(namespace: string): string[] {
    return this.data.sharedKeys(namespace);
  }
  /** Test control: the plugin's id changed, so its private data here is out of reach. */
  forgetPrivatePluginData(): void {
    this.data.forgetPrivate();
  }
  /** Shared plugin data keyed `namespace.key` (a test's view, not Figma's API). */
  sharedEntries(): Record<string, string> {
    return this.data.sharedEntries();
  }
}
