/**
 * Raw knowledge-base files (data/*.json, alpine/*.json, stages/*.json). From a checkout they are read from disk;
 * the bundle inlines them as strings (scripts/build.mjs), parsed only when a command needs them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('./', import.meta.url));

/** Folder name ("data", "alpine" or "stages") -> file name -> JSON text, sorted by file name. */
export function loadKnowledgeSources(folder: 'data' | 'alpine' | 'stages'): Record<string, string> {
  const sources: Record<string, string> = {};
  for (const name of readdirSync(`${ROOT}${folder}`).sort()) {
    if (name.endsWith('.json')) sources[name] = readFileSync(`${ROOT}${folder}/${name}`, 'utf8');
  }
  return sources;
}

/** One data/*.json file with each package entry kept as its own JSON text. */
export interface KnowledgeEntrySources {
  version: unknown;
  /** Project name -> JSON text of its entry, in file order. */
  packages: Record<string, string>;
}

/**
 * data/*.json split per package (file name -> entries), so a run parses only the entries it looks
 * up: the scaffold needs a handful of the ~260. The bundle has this split done at build time.
 */
export function loadKnowledgeEntrySources(): Record<string, KnowledgeEntrySources> {
  const files: Record<string, KnowledgeEntrySources> = {};
  for (const [file, text] of Object.entries(loadKnowledgeSources('data'))) {
    const data = JSON.parse(text) as { version: unknown; packages: Record<string, unknown> };
    const packages: Record<string, string> = {};
    for (const [name, entry] of Object.entries(data.packages)) packages[name] = JSON.stringify(entry);
    files[file] = { version: data.version, packages };
  }
  return files;
}
