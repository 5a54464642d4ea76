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

/** One data/*.json file: its schema version and its project names, in file order. */
export interface KnowledgeFileNames {
  version: unknown;
  names: readonly string[];
}

/**
 * data/*.json split per package, so a run parses only the entries it looks up (the scaffold needs
 * a handful of the ~300): the files' names, and the JSON text of one entry on demand.
 */
export interface KnowledgeEntrySources {
  /** File name -> its version and project names, sorted by file name. */
  files: Record<string, KnowledgeFileNames>;
  /** The JSON text of a project's entry (a name listed in `files`). */
  textOf(name: string): string;
}

/** From a checkout: every data file read and split now. The bundle splits them at build time. */
export function loadKnowledgeEntrySources(): KnowledgeEntrySources {
  const files: Record<string, KnowledgeFileNames> = {};
  const texts = new Map<string, string>();
  for (const [file, text] of Object.entries(loadKnowledgeSources('data'))) {
    const data = JSON.parse(text) as { version: unknown; packages: Record<string, unknown> };
    const names = Object.keys(data.packages);
    files[file] = { version: data.version, names };
    // A name in two files is refused by loadKnowledge before any text is asked for.
    for (const name of names) texts.set(name, JSON.stringify(data.packages[name]));
  }
  return { files, textOf: (name) => texts.get(name)! };
}
