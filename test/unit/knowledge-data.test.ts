/**
 * The knowledge base is data a contributor edits by hand: check its shape, that every Alpine
 * name is a real Alpine package (against test/knowledge/aports-names.json, a dated snapshot of
 * Alpine's own aports tree, not a list this project keeps), and that every fact has a source.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadAlpineNames, loadKnowledge } from '../../src/knowledge/load.ts';
import { isApkName } from '../../src/validate/apk-name.ts';
import { normalizeName } from '../../src/requirements/normalize.ts';
import { gt, valid } from '@renovatebot/pep440';
import type { ReleaseRun } from '../../src/knowledge/schema.ts';
import type { Arch } from '../../src/requirements/types.ts';

interface AportsSnapshot {
  retrieved: string;
  origins: Record<string, { commit: string; pkgver: string; vars?: Record<string, string>; subpackages: string[] }>;
  /** Names attested by another APKBUILD's dependency list (verbatim) where no held version of their origin declares them. */
  dependedOn?: Record<string, { origin: string; commit: string; pkgver: string; field: string; value: string }>;
}

/** True when `apk` is a token of the verbatim dependency value an APKBUILD in the snapshot records for it. */
function attested(apk: string): boolean {
  const entry = APORTS.dependedOn?.[apk];
  return entry !== undefined && /^[0-9a-f]{40}$/.test(entry.commit) && entry.value.split(/\s+/).includes(apk);
}
const APORTS = JSON.parse(readFileSync(new URL('../knowledge/aports-names.json', import.meta.url), 'utf8')) as AportsSnapshot;

/**
 * The package names an APKBUILD declares: its pkgname (the origin folder's name) and each
 * subpackages= entry, `name[:function[:arch]]`, with $pkgname and the recorded variables expanded
 * as abuild's shell would. `$subpackages` (appending to the list) expands to nothing.
 */
function packagesOf(origin: string, entry: AportsSnapshot['origins'][string]): Set<string> {
  const pkgname = origin.split('/')[1]!;
  const vars: Record<string, string> = { pkgname, subpackages: '', ...entry.vars };
  const expand = (text: string) =>
    text.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g, (_, name: string) => {
      if (!(name in vars)) throw new Error(`${origin}: subpackages uses $${name}, which the snapshot does not record`);
      return vars[name]!;
    });
  const names = new Set([pkgname]);
  for (const value of entry.subpackages) {
    for (const token of expand(value).split(/\s+/).filter(Boolean)) names.add(token.split(':')[0]!);
  }
  return names;
}

const knowledge = loadKnowledge();
const alpine = loadAlpineNames();
const entries = [...knowledge.packages.entries()];

describe('knowledge base', () => {
  it('covers at least 290 native projects', () => {
    const native = entries.filter(([, entry]) => entry.kind === 'native').length;
    console.log(`knowledge base: ${entries.length} projects, ${native} native, ${Object.keys(alpine).length} Alpine names`);
    expect(native).toBeGreaterThanOrEqual(290);
  });

  it('the aports snapshot is dated and each origin names the commit it was read at', () => {
    expect(APORTS.retrieved).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const [origin, entry] of Object.entries(APORTS.origins)) {
      expect(origin).toMatch(/^(main|community|testing)\/[a-z0-9][a-z0-9._+-]*$/);
      expect(entry.commit, origin).toMatch(/^[0-9a-f]{40}$/);
      expect(entry.pkgver, origin).not.toBe('');
    }
  });

  it('expands subpackages the way abuild does', () => {
    expect([...packagesOf('main/openssl', APORTS.origins['main/openssl']!)].sort()).toEqual([
      'libcrypto3',
      'libssl3',
      'openssl',
      'openssl-dbg',
      'openssl-dev',
      'openssl-doc',
      'openssl-libs-static',
    ]);
    expect(packagesOf('main/gcc', APORTS.origins['main/gcc']!)).toContain('libstdc++');
    expect(() => packagesOf('main/x', { commit: '0'.repeat(40), pkgver: '1', subpackages: ['lib$_unknown'] })).toThrow(/\$_unknown/);
  });

  it("uses only Alpine package names declared in Alpine's aports, in the APKBUILD it cites", () => {
    const declared = new Map<string, Set<string>>(Object.entries(APORTS.origins).map(([origin, entry]) => [origin, packagesOf(origin, entry)]));
    const problems: string[] = [];
    for (const [name, entry] of entries) {
      for (const apk of [...entry.build, ...entry.runtime, ...entry.dlopen, ...(entry.olderBuilds ?? []).flatMap((older) => [...older.build, ...older.runtime])]) {
        const where = alpine[apk];
        if (!where) {
          problems.push(`${name}: ${apk} has no origin in src/knowledge/alpine/*.json`);
          continue;
        }
        const origin = where.replace(/\/APKBUILD$/, '');
        const names = declared.get(origin);
        if (!names) problems.push(`${name}: ${apk}: origin ${origin} is not in the aports snapshot`);
        else if (!names.has(apk) && !attested(apk)) problems.push(`${name}: ${apk} is not declared by aports ${origin} (it declares ${[...names].sort().join(', ')})`);
      }
    }
    expect(problems).toEqual([]);
    for (const [apk, where] of Object.entries(alpine)) {
      expect(isApkName(apk), apk).toBe(true);
      expect(where, apk).toMatch(/^(main|community|testing)\/[^/]+\/APKBUILD$/);
    }
  });

  it('has normalised names, known requires, and a source for every fact', () => {
    const problems: string[] = [];
    for (const [name, entry] of entries) {
      if (normalizeName(name) !== name) problems.push(`${name}: not normalised`);
      const facts = new Set(entry.sources.map((source) => source.fact));
      if (!facts.has('wheels')) problems.push(`${name}: no wheels source`);
      for (const fact of ['build', 'runtime', 'dlopen'] as const) {
        if (entry[fact].length > 0 && !facts.has(fact)) problems.push(`${name}: ${fact} has no source`);
      }
      for (const dependency of entry.requires) if (!knowledge.packages.has(dependency)) problems.push(`${name}: requires unknown ${dependency}`);
      if (entry.kind === 'native' && entry.build.length > 0 && !entry.build.includes('build-base') && !entry.build.includes('cargo')) {
        problems.push(`${name}: native with build packages but no compiler`);
      }
      for (const floor of entry.floors ?? []) {
        if (!valid(floor.version) || (floor.python !== undefined && !/^3\.\d+$/.test(floor.python))) problems.push(`${name}: bad floor ${JSON.stringify(floor)}`);
        if (floor.source.trim() === '' || floor.why.trim() === '') problems.push(`${name}: floor ${floor.version} without why or source`);
      }
      for (const older of entry.olderBuilds ?? []) {
        if (!valid(older.before) || older.source.trim() === '') problems.push(`${name}: bad olderBuild ${JSON.stringify(older)}`);
        if (!older.build.includes('build-base')) problems.push(`${name}: olderBuild before ${older.before} has no compiler`);
      }
      for (const [extra, added] of Object.entries(entry.extras ?? {})) {
        if (!facts.has('extras')) problems.push(`${name}: extras have no source`);
        for (const label of added) {
          const dependency = label.replace(/\[.*\]$/, '');
          if (!knowledge.packages.has(dependency)) problems.push(`${name}[${extra}]: adds unknown ${dependency}`);
        }
      }
      const wheels = entry.musllinux;
      if (wheels) {
        for (const [python, row] of Object.entries(wheels.byPython ?? {})) {
          if (!/^3\.\d+$/.test(python)) problems.push(`${name}: byPython key ${python}`);
          for (const version of Object.values(row)) if (!valid(version!)) problems.push(`${name}: byPython ${python} has invalid ${version}`);
        }
        // An empty list is a fact only with a history: older releases had wheels, the latest has none.
        if (wheels.python.length === 0 && !wheels.byPython) problems.push(`${name}: musllinux without Python versions or history`);
        if (wheels.python[0] === 'abi3' && !/^3\.\d+$/.test(wheels.python[1] ?? '')) problems.push(`${name}: abi3 without minimum`);
        for (const [python, row] of Object.entries(wheels.withoutWheel ?? {})) {
          for (const [arch, runs] of Object.entries(row)) problems.push(...badRuns(`${name}: withoutWheel ${python} ${arch}`, runs!, wheels.byPython?.[python]?.[arch as Arch]));
        }
      }
      problems.push(...badRuns(`${name}: noSdist`, entry.noSdist ?? [], undefined));
    }
    expect(problems).toEqual([]);
  });
});

/**
 * Runs of releases must be valid PEP 440 versions in order (from <= through, before < from,
 * through < after, each run after the previous one), and a run without a wheel starts after the
 * first release with one.
 */
function badRuns(where: string, runs: readonly ReleaseRun[], firstWheel: string | undefined): string[] {
  const problems: string[] = [];
  let previous: string | undefined = firstWheel;
  for (const run of runs) {
    const versions = [run.before, run.from, run.through, run.after].filter((version): version is string => version !== undefined);
    if (!versions.every((version) => valid(version))) {
      problems.push(`${where}: invalid version in ${JSON.stringify(run)}`);
      continue;
    }
    if (gt(run.from, run.through) || (run.before !== undefined && !gt(run.from, run.before)) || (run.after !== undefined && !gt(run.after, run.through)))
      problems.push(`${where}: run out of order ${JSON.stringify(run)}`);
    if (previous !== undefined && !gt(run.from, previous)) problems.push(`${where}: run ${run.from} not after ${previous}`);
    previous = run.through;
  }
  return problems;
}
