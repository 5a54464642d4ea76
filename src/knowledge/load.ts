/** Loads and checks the knowledge base once per process. */
import type { Knowledge } from './decisions.ts';
import type { AlpineNames, KnowledgeEntry, KnowledgeFile } from './schema.ts';
import { loadKnowledgeSources } from './sources.ts';

let cached: Knowledge | undefined;

/** The merged knowledge base (every data/*.json file). */
export function loadKnowledge(): Knowledge {
  if (cached) return cached;
  const packages = new Map<string, KnowledgeEntry>();
  for (const [file, text] of Object.entries(loadKnowledgeSources('data'))) {
    const data = JSON.parse(text) as KnowledgeFile;
    if (data.version !== 2) throw new Error(`knowledge file ${file}: unsupported version ${String(data.version)}`);
    for (const [name, entry] of Object.entries(data.packages)) {
      if (packages.has(name)) throw new Error(`knowledge: ${name} is defined twice (${file})`);
      packages.set(name, entry);
    }
  }
  cached = { packages };
  return cached;
}

/** Every Alpine package name the data was built from, with where it was seen. */
export function loadAlpineNames(): AlpineNames {
  const names: AlpineNames = {};
  for (const text of Object.values(loadKnowledgeSources('alpine'))) Object.assign(names, JSON.parse(text) as AlpineNames);
  return names;
}
