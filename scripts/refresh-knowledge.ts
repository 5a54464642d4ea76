/**
 * Refreshes the knowledge base's index facts (per-CPython wheel history and the releases after the
 * first wheel that have none, sdist and the releases without one, extras; the whole
 * `musllinux` fact of a new native entry that leaves it out) from PyPI's
 * JSON API: one request per project the knowledge base already has, nothing else (no name scans).
 * Run: node --import tsx scripts/refresh-knowledge.ts [--date YYYY-MM-DD] [--only name,name]
 * (`--only`: ask only for these known projects, e.g. entries just added; the rest stay as they are.)
 * Then review `git diff src/knowledge/data`.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { indexFactsOf, musllinuxOf, type PypiProject } from '../src/knowledge/index-facts.ts';
import type { KnowledgeEntry, KnowledgeFile } from '../src/knowledge/schema.ts';
import { PYTHON_RUNTIMES } from '../src/target/runtimes.ts';
import { ARCHES } from '../src/requirements/types.ts';

const DATA = fileURLToPath(new URL('../src/knowledge/data/', import.meta.url));
const dateFlag = process.argv.indexOf('--date');
const DATE = dateFlag === -1 ? new Date().toISOString().slice(0, 10) : process.argv[dateFlag + 1]!;
const PYTHONS = [...new Set(PYTHON_RUNTIMES.map((runtime) => runtime.version))].sort((a, b) => Number(a.split('.')[1]) - Number(b.split('.')[1]));

/** The JSON API document of a project (3 attempts). */
async function fetchProject(name: string): Promise<PypiProject> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      const response = await fetch(`https://pypi.org/pypi/${name}/json`, { signal: AbortSignal.timeout(60_000) });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return (await response.json()) as PypiProject;
    } catch (error) {
      if (attempt >= 3) throw new Error(`${name}: ${(error as Error).message}`, { cause: error });
    }
  }
}

const files = readdirSync(DATA)
  .filter((file) => file.endsWith('.json'))
  .sort();
const documents = new Map(files.map((file) => [file, JSON.parse(readFileSync(`${DATA}${file}`, 'utf8')) as KnowledgeFile]));
const known = new Set([...documents.values()].flatMap((document) => Object.keys(document.packages)));
const onlyFlag = process.argv.indexOf('--only');
const ONLY = onlyFlag === -1 ? null : new Set(process.argv[onlyFlag + 1]!.split(',').filter(Boolean));
const unknown = ONLY ? [...ONLY].filter((name) => !known.has(name)) : [];
if (unknown.length > 0) throw new Error(`--only names projects the knowledge base does not have: ${unknown.join(', ')}`);
const entries: [string, KnowledgeEntry][] = [...documents.values()].flatMap((document) => Object.entries(document.packages)).filter(([name]) => !ONLY || ONLY.has(name));

let next = 0;
let changed = 0;
async function worker(): Promise<void> {
  while (next < entries.length) {
    const [name, entry] = entries[next++]!;
    const project = await fetchProject(name);
    const facts = indexFactsOf(project, PYTHONS, ARCHES, (other) => known.has(other) && other !== name);
    const before = JSON.stringify(entry);
    const ref = `pypi:${name} (release file lists, ${DATE})`;
    if (entry.kind === 'native') {
      // A new entry may leave its wheel facts out: they are computed whole from the index.
      if (entry.musllinux === undefined) entry.musllinux = musllinuxOf(project, PYTHONS, ARCHES);
      else if (entry.musllinux) {
        entry.musllinux.byPython = facts.byPython;
        entry.musllinux.withoutWheel = facts.withoutWheel;
      }
      entry.sdist = facts.sdist;
      entry.noSdist = facts.noSdist;
    }
    if (Object.keys(facts.extras).length > 0) entry.extras = facts.extras;
    else delete entry.extras;
    // Sources this script wrote before are replaced, hand-written ones kept.
    entry.sources = entry.sources.filter((source) => source.fact !== 'extras' && !source.ref.startsWith(`pypi:${name} (release file lists`));
    if (entry.kind === 'native') entry.sources.push({ fact: 'wheels', ref });
    if (entry.extras) entry.sources.push({ fact: 'extras', ref: `pypi:${name}/${project.info.version} requires_dist` });
    entry.sources = uniqueSources(entry.sources);
    if (JSON.stringify(entry) !== before) changed += 1;
  }
}

function uniqueSources(sources: KnowledgeEntry['sources']): KnowledgeEntry['sources'] {
  const seen = new Set<string>();
  return sources.filter((source) => {
    const key = `${source.fact}\0${source.ref}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

await Promise.all(Array.from({ length: 6 }, worker));
for (const [file, document] of documents) writeFileSync(`${DATA}${file}`, `${JSON.stringify(document, null, 2)}\n`);
console.log(`refresh-knowledge: ${entries.length} projects asked, ${changed} entries changed (CPython ${PYTHONS.join(', ')}; ${ARCHES.join(', ')})`);
