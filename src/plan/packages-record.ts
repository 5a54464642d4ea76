/**
 * The package lists of the last generated Dockerfile, kept as data beside the merge bases
 * (`.slim-python/generated/packages.json`): each Alpine package of the build and release stages
 * with the projects it served. update's summary ("removed cargo because cryptography now
 * installs from a wheel") compares this run's structured lists with it, instead of reading the
 * old Dockerfile's comments back. Written whenever the Dockerfile's base is.
 */
import type { ApkSnapshot } from './apk-changes.ts';
import type { ApkLine } from './apk-sets.ts';

interface RecordShape {
  build: Record<string, string[]>;
  runtime: Record<string, string[]>;
}

/** The record of a Dockerfile model's package lists: deterministic JSON (sorted keys, one trailing newline). */
export function serializePackagesRecord(notes: { build: readonly ApkLine[]; runtime: readonly ApkLine[] }): string {
  const table = (lines: readonly ApkLine[]) =>
    Object.fromEntries([...lines].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).map((line) => [line.name, [...line.for].sort()]));
  const record: RecordShape = { build: table(notes.build), runtime: table(notes.runtime) };
  return `${JSON.stringify(record, null, 2)}\n`;
}

/** Reads a record back; null when there is none (a project generated before records were kept). */
export function parsePackagesRecord(text: string | null, fail: (problem: string) => never): ApkSnapshot | null {
  if (text === null) return null;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    fail('is not valid JSON');
  }
  const snapshot: ApkSnapshot = { build: new Map(), runtime: new Map() };
  for (const stage of ['build', 'runtime'] as const) {
    const table = (data as Partial<RecordShape> | null)?.[stage];
    if (typeof table !== 'object' || table === null || Array.isArray(table)) fail(`has no "${stage}" table`);
    for (const [name, projects] of Object.entries(table)) {
      if (!Array.isArray(projects) || projects.some((project) => typeof project !== 'string')) fail(`lists "${name}" with something other than project names`);
      snapshot[stage].set(name, [...(projects as string[])]);
    }
  }
  return snapshot;
}
