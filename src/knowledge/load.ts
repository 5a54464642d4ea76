/** Loads and checks the knowledge base once per process. */
import type { Knowledge } from './decisions.ts';
import type { AlpineNames, KnowledgeEntry } from './schema.ts';
import { loadKnowledgeEntrySources, loadKnowledgeSources } from './sources.ts';

let cached: Knowledge | undefined;

/**
 * The merged knowledge base (every data/*.json file). Entries are parsed on first look-up: a
 * scaffold reads a few of them, and parsing all (~170 KB of JSON) cost ~2 ms of its start-up.
 */
export function loadKnowledge(): Knowledge {
  if (cached) return cached;
  const { files, textOf } = loadKnowledgeEntrySources();
  const names = new Set<string>();
  for (const [file, data] of Object.entries(files)) {
    if (data.version !== 2) throw new Error(`knowledge file ${file}: unsupported version ${String(data.version)}`);
    for (const name of data.names) {
      if (names.has(name)) throw new Error(`knowledge: ${name} is defined twice (${file})`);
      names.add(name);
    }
  }
  cached = { packages: new LazyEntries(names, textOf) };
  return cached;
}

/** A read-only map of entries kept as JSON text until asked for; iterating parses them all. */
class LazyEntries implements ReadonlyMap<string, KnowledgeEntry> {
  readonly #names: ReadonlySet<string>;
  readonly #textOf: (name: string) => string;
  readonly #parsed = new Map<string, KnowledgeEntry>();

  constructor(names: ReadonlySet<string>, textOf: (name: string) => string) {
    this.#names = names;
    this.#textOf = textOf;
  }

  get size(): number {
    return this.#names.size;
  }

  has(name: string): boolean {
    return this.#names.has(name);
  }

  get(name: string): KnowledgeEntry | undefined {
    let entry = this.#parsed.get(name);
    if (entry === undefined) {
      if (!this.#names.has(name)) return undefined;
      entry = JSON.parse(this.#textOf(name)) as KnowledgeEntry;
      this.#parsed.set(name, entry);
    }
    return entry;
  }

  /** Every entry parsed, in file order (as a plain Map would hold them). */
  #all(): Map<string, KnowledgeEntry> {
    const all = new Map<string, KnowledgeEntry>();
    for (const name of this.#names) all.set(name, this.get(name)!);
    return all;
  }

  forEach(callback: (value: KnowledgeEntry, key: string, map: ReadonlyMap<string, KnowledgeEntry>) => void, thisArg?: unknown): void {
    for (const [name, entry] of this.#all()) callback.call(thisArg, entry, name, this);
  }

  entries(): ReturnType<Map<string, KnowledgeEntry>['entries']> {
    return this.#all().entries();
  }

  keys(): ReturnType<Map<string, KnowledgeEntry>['keys']> {
    return this.#names.keys();
  }

  values(): ReturnType<Map<string, KnowledgeEntry>['values']> {
    return this.#all().values();
  }

  [Symbol.iterator](): ReturnType<Map<string, KnowledgeEntry>['entries']> {
    return this.entries();
  }
}

/** Every Alpine package name the data was built from, with where it was seen. */
export function loadAlpineNames(): AlpineNames {
  const names: AlpineNames = {};
  for (const text of Object.values(loadKnowledgeSources('alpine'))) Object.assign(names, JSON.parse(text) as AlpineNames);
  return names;
}
