import type { FakeScheduler } from './fake-scheduler.ts';
import type { FakeVariable, VariableStore } from './fake-variables.ts';

/** A colour variable of an enabled library, as the test defines it. */
export interface LibraryVariableInit {
  readonly name: string;
  readonly hex: string;
}

export interface LibraryInit {
  readonly libraryName: string;
  readonly collectionName: string;
  readonly variables: readonly LibraryVariableInit[];
}

/**
 * `figma.teamLibrary` over libraries the test enables: their collections and variables listed by
 * name and key (no values, as the API gives them), and importVariableByKeyAsync making one
 * available: a remote variable (not among the local ones) with its value, in a remote collection.
 */
export class FakeTeamLibrary {
  private readonly libraries: { init: LibraryInit; key: string; keys: string[] }[] = [];
  private readonly imported = new Map<string, FakeVariable>();
  private nextKey = 1;

  constructor(
    private readonly store: VariableStore,
    private readonly scheduler: FakeScheduler,
    private readonly rgba: (hex: string) => RGBA,
  ) {
    store.importByKey = (key) => this.importKey(key);
  }

  enable(init: LibraryInit): void {
    this.libraries.push({ init, key: `lib-collection-${this.nextKey++}`, keys: init.variables.map(() => `lib-variable-${this.nextKey++}`) });
  }

  readonly api = {
    getAvailableLibraryVariableCollectionsAsync: (): Promise<LibraryVariableCollection[]> =>
      this.scheduler.later(() => this.libraries.map((l) => ({ name: l.init.collectionName, key: l.key, libraryName: l.init.libraryName }))),
    getVariablesInLibraryCollectionAsync: (collectionKey: string): Promise<LibraryVariable[]> =>
      this.scheduler.later(() => {
        const library = this.libraries.find((l) => l.key === collectionKey);
        if (!library) throw new Error(`in getVariablesInLibraryCollectionAsync: No library collection with key ${JSON.stringify(collectionKey)}`);
        return library.init.variables.map((v, i) => ({ name: v.name, key: library.keys[i]!, resolvedType: 'COLOR' as const }));
      }),
  };

  private importKey(key: string): FakeVariable | undefined {
    const seen = this.imported.get(key);
    if (seen) return seen;
    for (const library of this.libraries) {
      const index = library.keys.indexOf(key);
      if (index < 0) continue;
      const spec = library.init.variables[index]!;
      let collection = this.store.liveCollections().find((c) => c.remote && c.name === library.init.collectionName);
      if (!collection) {
        collection = this.store.addCollection(library.init.collectionName);
        collection.remote = true;
      }
      const variable = this.store.addVariable(collection, spec.name, 'COLOR');
      variable.designerEdit({ value: this.rgba(spec.hex) });
      variable.remote = true;
      this.imported.set(key, variable);
      return variable;
    }
    return undefined;
  }
}
