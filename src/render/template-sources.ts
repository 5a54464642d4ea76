/**
 * Template sources by path relative to `templates/`. From a checkout they are read from disk;
 * the bundle build (scripts/build.mjs) replaces this module with the same map inlined, so the
 * published CLI reads no files at start-up.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { byName } from '../sort.ts';

const TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

/** Every `*.hbs` file under templates/, keyed by its relative path with `/` separators. */
export function loadTemplateSources(): Record<string, string> {
  const sources: Record<string, string> = {};
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort(byName)) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.hbs')) sources[relative(TEMPLATES_DIR, path).split('\\').join('/')] = readFileSync(path, 'utf8');
    }
  };
  walk(TEMPLATES_DIR);
  return sources;
}
