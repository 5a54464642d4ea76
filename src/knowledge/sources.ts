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
