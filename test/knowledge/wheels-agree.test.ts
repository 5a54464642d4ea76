/**
 * The knowledge base's wheel facts against the real index: for every native entry, what it
 * claims for CPython 3.12 on x86_64 and aarch64 (a musllinux wheel, or none: compile) must match
 * the files of the project's current release on PyPI (JSON API, one request per project:
 * https://docs.pypi.org/api/json/). All disagreements are collected and listed at once.
 * Skips, saying why, when PyPI cannot be reached, except under CI.
 */
import { describe, expect, it } from 'vitest';
import { indexFactsOf, musllinuxOf, type PypiProject } from '../../src/knowledge/index-facts.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import type { KnowledgeEntry, ReleaseRun } from '../../src/knowledge/schema.ts';
import { wheelFits as wheelFitsFor } from '../../src/knowledge/wheel-tags.ts';
import { missingWheel } from '../../src/knowledge/wheel-fit.ts';
import { PYTHON_RUNTIMES } from '../../src/target/runtimes.ts';
import type { Arch } from '../../src/requirements/types.ts';
import { realIndexProblem, skipWithoutIndex } from '../online/real-index.ts';

const PYTHON = '3.12';
const ARCHES: readonly Arch[] = ['x86_64', 'aarch64'];
const SKIP = skipWithoutIndex(await realIndexProblem('https://pypi.org/pypi/pip/json'), 'knowledge base vs PyPI wheels');

type Found = 'wheel' | 'pure' | 'none';

interface PypiRelease {
  version: string;
  files: string[];
  project: PypiProject;
}

/** What the entry claims pip finds for an unpinned requirement (the latest release), as the decisions compute it: a musllinux wheel, or nothing (compile). */
function claimed(entry: KnowledgeEntry, arch: Arch): 'wheel' | 'compile' {
  return missingWheel(entry.musllinux, null, { python: PYTHON, arches: [arch] }) === null ? 'wheel' : 'compile';
}

const wheelFits = (file: string, arch: Arch) => wheelFitsFor(file, PYTHON, arch);

/** Disagreements between an entry's claims and the files of a release, one line each. */
function compareEntry(name: string, entry: KnowledgeEntry, release: Pick<PypiRelease, 'version' | 'files'>): string[] {
  const lines: string[] = [];
  for (const arch of ARCHES) {
    const found = release.files.map((file) => wheelFits(file, arch));
    const actual: Found = found.includes('wheel') ? 'wheel' : found.includes('pure') ? 'pure' : 'none';
    const claim = claimed(entry, arch);
    if (claim === 'wheel' ? actual === 'wheel' : actual === 'none') continue;
    const what = actual === 'wheel' ? 'has a musllinux wheel' : actual === 'pure' ? 'has only a pure-Python wheel' : 'has no musllinux wheel';
    const kb =
      entry.musllinux === null ? 'musllinux: null' : `since ${JSON.stringify(entry.musllinux.since)}, latest ${entry.musllinux.latest}, python ${entry.musllinux.python.join(',')}`;
    lines.push(`${name} ${arch}: knowledge base says ${claim} (${kb}); PyPI ${release.version} ${what} for CPython ${PYTHON}`);
  }
  return lines;
}

async function fetchRelease(name: string): Promise<PypiRelease | string> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      const response = await fetch(`https://pypi.org/pypi/${name}/json`, { signal: AbortSignal.timeout(30_000) });
      if (response.status === 404) return 'not on PyPI (404)';
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const data = (await response.json()) as PypiProject & { urls: { filename: string; yanked?: boolean }[] };
      return { version: data.info.version, files: data.urls.filter((file) => !file.yanked).map((file) => file.filename), project: data };
    } catch (error) {
      if (attempt >= 3) return `PyPI JSON API failed: ${(error as Error).message}`;
    }
  }
}

const PYTHONS = [...new Set(PYTHON_RUNTIMES.map((runtime) => runtime.version))];

/**
 * Disagreements between an entry's per-CPython wheel history (and its sdist facts: the latest
 * release's, and the runs of releases without one) and the index's release file lists, recomputed
 * with the same code the refresh script uses. Every native entry is held to it: `musllinux: null`
 * claims that no release has a musllinux wheel for any CPython and arch; otherwise `byPython` must
 * record every supported CPython (a missing one would fall back to the coarser `since`/`python`
 * facts), `since` must name the first release per arch, and `noSdist` must be recorded (a pin is
 * judged by its own release's sdist).
 */
function compareHistory(name: string, entry: KnowledgeEntry, project: PypiProject): string[] {
  const facts = indexFactsOf(project, PYTHONS, ARCHES, () => false);
  const lines: string[] = [];
  const wheels = entry.musllinux;
  if (wheels && !wheels.byPython) lines.push(`${name}: knowledge base records no per-CPython wheel history (musllinux.byPython); run scripts/refresh-knowledge.ts --only ${name}`);
  const stored = wheels === null ? {} : wheels.byPython;
  if (stored) {
    for (const python of PYTHONS) {
      if (wheels !== null && !(python in stored)) {
        lines.push(`${name} CPython ${python}: knowledge base has no byPython row`);
        continue;
      }
      for (const arch of ARCHES) {
        const claim = stored[python]?.[arch] ?? null;
        const actual = facts.byPython[python]?.[arch] ?? null;
        if (claim !== actual)
          lines.push(
            `${name} CPython ${python} ${arch}: knowledge base says first musllinux wheel ${claim ?? 'none'}${wheels === null ? ' (musllinux: null)' : ''}; PyPI release files say ${actual ?? 'none'}`,
          );
      }
    }
  }
  if (wheels !== null && wheels.withoutWheel === undefined)
    lines.push(`${name}: knowledge base records no releases without a wheel after the first (musllinux.withoutWheel); run scripts/refresh-knowledge.ts --only ${name}`);
  else if (wheels !== null) {
    for (const python of PYTHONS) {
      for (const arch of ARCHES) {
        const claim = describeRuns(wheels.withoutWheel?.[python]?.[arch] ?? []);
        const actual = describeRuns(facts.withoutWheel[python]?.[arch] ?? []);
        if (claim !== actual)
          lines.push(`${name} CPython ${python} ${arch}: knowledge base says the releases after the first wheel without one are ${claim}; PyPI release files say ${actual}`);
      }
    }
  }
  const since = musllinuxOf(project, PYTHONS, ARCHES)?.since ?? null;
  for (const arch of ARCHES) {
    const claim = wheels?.since[arch] ?? null;
    const actual = since?.[arch] ?? null;
    if (claim !== actual) lines.push(`${name} ${arch}: knowledge base says first release with a musllinux wheel ${claim ?? 'none'}; PyPI release files say ${actual ?? 'none'}`);
  }
  if (entry.sdist !== undefined && entry.sdist !== facts.sdist)
    lines.push(`${name}: knowledge base says sdist ${entry.sdist}; PyPI ${project.info.version} ${facts.sdist ? 'has one' : 'has none'}`);
  if (entry.noSdist === undefined) lines.push(`${name}: knowledge base records no per-release sdist history (noSdist); run scripts/refresh-knowledge.ts --only ${name}`);
  else if (describeRuns(entry.noSdist) !== describeRuns(facts.noSdist))
    lines.push(`${name}: knowledge base says the releases without an sdist are ${describeRuns(entry.noSdist)}; PyPI release files say ${describeRuns(facts.noSdist)}`);
  return lines;
}

/** "1.1.0..1.22.1 (after 1.0.1, before 1.23.0)", runs joined with "; ", or "none". */
function describeRuns(runs: readonly ReleaseRun[]): string {
  if (runs.length === 0) return 'none';
  return runs.map((run) => `${run.from}..${run.through} (after ${run.before ?? 'nothing'}, before ${run.after ?? 'nothing'})`).join('; ');
}

/** Runs `task` over `items` with at most `limit` at a time. */
async function mapLimited<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

describe('wheel tags', () => {
  it.each([
    ['cryptography-46.0.3-cp311-abi3-musllinux_1_2_x86_64.whl', 'x86_64', 'wheel'],
    ['cryptography-46.0.3-cp311-abi3-musllinux_1_2_x86_64.whl', 'aarch64', 'none'],
    ['cryptography-46.0.3-cp314t-cp314t-musllinux_1_2_x86_64.whl', 'x86_64', 'none'],
    ['aiohttp-3.14.5-cp312-cp312-musllinux_1_2_aarch64.whl', 'aarch64', 'wheel'],
    ['aiohttp-3.14.5-cp313-cp313-musllinux_1_2_aarch64.whl', 'aarch64', 'none'],
    ['x-1.0-cp313-abi3-musllinux_1_2_x86_64.whl', 'x86_64', 'none'],
    ['lxml-6.0.2-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl', 'x86_64', 'none'],
    ['a-1.0-cp312-cp312-musllinux_1_1_x86_64.musllinux_1_2_x86_64.whl', 'x86_64', 'wheel'],
    ['idna-2.0-py2.py3-none-any.whl', 'x86_64', 'pure'],
    ['x-1.0.tar.gz', 'x86_64', 'none'],
  ] as const)('%s on %s: %s', (file, arch, found) => {
    expect(wheelFits(file, arch)).toBe(found);
  });
});

describe('comparison', () => {
  const native = (musllinux: KnowledgeEntry['musllinux']): KnowledgeEntry => ({ kind: 'native', build: [], runtime: [], dlopen: [], requires: [], musllinux, sources: [] });
  const release = { version: '2.0', files: ['p-2.0-cp312-cp312-musllinux_1_2_x86_64.whl', 'p-2.0.tar.gz'] };
  it('agrees when the claims match the files', () => {
    expect(compareEntry('p', native({ since: { x86_64: '1.0' }, latest: '2.0', python: ['3.12'] }), release)).toEqual([]);
  });
  it('reports a claimed wheel that is missing and a wheel the entry does not know', () => {
    expect(compareEntry('p', native({ since: { x86_64: '1.0', aarch64: '1.0' }, latest: '2.0', python: ['abi3', '3.9'] }), release)).toEqual([
      'p aarch64: knowledge base says wheel (since {"x86_64":"1.0","aarch64":"1.0"}, latest 2.0, python abi3,3.9); PyPI 2.0 has no musllinux wheel for CPython 3.12',
    ]);
    expect(compareEntry('p', native(null), release)).toEqual(['p x86_64: knowledge base says compile (musllinux: null); PyPI 2.0 has a musllinux wheel for CPython 3.12']);
    expect(compareEntry('p', native(null), { version: '3', files: ['p-3-py3-none-any.whl'] })).toHaveLength(2);
  });
});

describe('history comparison', () => {
  const project: PypiProject = {
    info: { version: '2.0' },
    releases: {
      '1.0': [{ filename: 'p-1.0.tar.gz' }],
      '1.5': [{ filename: 'p-1.5-cp311-abi3-musllinux_1_2_x86_64.whl' }, { filename: 'p-1.5.tar.gz' }],
      '2.0': [{ filename: 'p-2.0-cp312-cp312-musllinux_1_2_x86_64.whl' }, { filename: 'p-2.0-cp312-cp312-musllinux_1_2_aarch64.whl' }],
    },
  };
  const entry = (byPython: Record<string, Partial<Record<Arch, string>>>, sdist: boolean): KnowledgeEntry => ({
    kind: 'native',
    build: [],
    runtime: [],
    dlopen: [],
    requires: [],
    sources: [],
    sdist,
    noSdist: [{ from: '2.0', through: '2.0', before: '1.5' }],
    musllinux: { since: { x86_64: '1.5', aarch64: '2.0' }, latest: '2.0', python: ['3.12'], byPython, withoutWheel: GAPS },
  });
  // 2.0 has only cp312 wheels: after 1.5's abi3 wheel, CPython 3.11 and 3.13+ lose x86_64 there.
  const gap = [{ from: '2.0', through: '2.0', before: '1.5' }];
  const GAPS = { '3.11': { x86_64: gap }, '3.13': { x86_64: gap }, '3.14': { x86_64: gap }, '3.15': { x86_64: gap } };
  const truth = {
    '3.10': {},
    '3.11': { x86_64: '1.5' },
    '3.12': { x86_64: '1.5', aarch64: '2.0' },
    '3.13': { x86_64: '1.5' },
    '3.14': { x86_64: '1.5' },
    '3.15': { x86_64: '1.5' },
  };
  it('agrees with a history recomputed from the release files (abi3 covers later CPythons)', () => {
    expect(compareHistory('p', entry(truth, false), project)).toEqual([]);
  });
  it('names the CPython, the arch and both first releases where they differ, and a wrong sdist fact', () => {
    expect(compareHistory('p', entry({ ...truth, '3.12': { x86_64: '1.0', aarch64: '2.0' } }, true), project)).toEqual([
      'p CPython 3.12 x86_64: knowledge base says first musllinux wheel 1.0; PyPI release files say 1.5',
      'p: knowledge base says sdist true; PyPI 2.0 has none',
    ]);
  });
  it('holds a musllinux: null entry to having no musllinux wheel in any release, for every CPython', () => {
    const none = { ...entry({}, false), musllinux: null };
    expect(compareHistory('p', none, project)).toEqual([
      'p CPython 3.15 x86_64: knowledge base says first musllinux wheel none (musllinux: null); PyPI release files say 1.5',
      'p CPython 3.14 x86_64: knowledge base says first musllinux wheel none (musllinux: null); PyPI release files say 1.5',
      'p CPython 3.13 x86_64: knowledge base says first musllinux wheel none (musllinux: null); PyPI release files say 1.5',
      'p CPython 3.12 x86_64: knowledge base says first musllinux wheel none (musllinux: null); PyPI release files say 1.5',
      'p CPython 3.12 aarch64: knowledge base says first musllinux wheel none (musllinux: null); PyPI release files say 2.0',
      'p CPython 3.11 x86_64: knowledge base says first musllinux wheel none (musllinux: null); PyPI release files say 1.5',
      'p x86_64: knowledge base says first release with a musllinux wheel none; PyPI release files say 1.5',
      'p aarch64: knowledge base says first release with a musllinux wheel none; PyPI release files say 2.0',
    ]);
    const sdistOnly: PypiProject = { info: { version: '1.0' }, releases: { '1.0': [{ filename: 'p-1.0.tar.gz' }] } };
    expect(compareHistory('p', { ...none, sdist: true, noSdist: [] }, sdistOnly)).toEqual([]);
  });
  it('holds the releases without a wheel after the first one to the release files, per CPython and arch', () => {
    const { '3.13': _dropped, ...missing } = GAPS;
    const wrong = entry(truth, false);
    wrong.musllinux!.withoutWheel = { ...missing, '3.12': { aarch64: gap } };
    expect(compareHistory('p', wrong, project)).toEqual([
      'p CPython 3.13 x86_64: knowledge base says the releases after the first wheel without one are none; PyPI release files say 2.0..2.0 (after 1.5, before nothing)',
      'p CPython 3.12 aarch64: knowledge base says the releases after the first wheel without one are 2.0..2.0 (after 1.5, before nothing); PyPI release files say none',
    ]);
    const unrecorded = entry(truth, false);
    delete unrecorded.musllinux!.withoutWheel;
    expect(compareHistory('p', unrecorded, project)).toEqual([
      'p: knowledge base records no releases without a wheel after the first (musllinux.withoutWheel); run scripts/refresh-knowledge.ts --only p',
    ]);
  });
  it('holds the per-release sdist history to the release files: the runs without an sdist and the releases around them', () => {
    const wrong = { ...entry(truth, false), noSdist: [{ from: '1.5', through: '2.0', before: '1.0' }] };
    expect(compareHistory('p', wrong, project)).toEqual([
      'p: knowledge base says the releases without an sdist are 1.5..2.0 (after 1.0, before nothing); PyPI release files say 2.0..2.0 (after 1.5, before nothing)',
    ]);
    const unrecorded = entry(truth, false);
    delete unrecorded.noSdist;
    expect(compareHistory('p', unrecorded, project)).toEqual(['p: knowledge base records no per-release sdist history (noSdist); run scripts/refresh-knowledge.ts --only p']);
  });
  it('requires a history row for every CPython and the first release per arch', () => {
    const { '3.13': _dropped, ...partial } = truth;
    const stale = entry(partial, false);
    expect(compareHistory('p', stale, project)).toEqual(['p CPython 3.13: knowledge base has no byPython row']);
    const unrecorded = entry(truth, false);
    delete unrecorded.musllinux!.byPython;
    unrecorded.musllinux!.since = { x86_64: '1.0', aarch64: '2.0' };
    expect(compareHistory('p', unrecorded, project)).toEqual([
      'p: knowledge base records no per-CPython wheel history (musllinux.byPython); run scripts/refresh-knowledge.ts --only p',
      'p x86_64: knowledge base says first release with a musllinux wheel 1.0; PyPI release files say 1.5',
    ]);
  });
});

describe.skipIf(SKIP)('knowledge base agrees with PyPI', () => {
  it('has the musllinux wheels it claims, and none it does not, for CPython 3.12 on x86_64 and aarch64, and the per-CPython wheel and per-release sdist history it records', async () => {
    const entries = [...loadKnowledge().packages.entries()].filter(([, entry]) => entry.kind === 'native');
    const disagreements: string[] = [];
    let historyChecked = 0;
    let sdistChecked = 0;
    const releases = await mapLimited(entries, 8, ([name]) => fetchRelease(name));
    entries.forEach(([name, entry], index) => {
      const release = releases[index]!;
      if (typeof release === 'string') {
        disagreements.push(`${name}: ${release}`);
        return;
      }
      disagreements.push(...compareEntry(name, entry, release));
      disagreements.push(...compareHistory(name, entry, release.project));
      if (entry.musllinux === null || entry.musllinux.byPython) historyChecked += 1;
      if (entry.noSdist !== undefined) sdistChecked += 1;
    });
    console.log(
      `wheels-agree: checked ${entries.length} native knowledge-base entries against PyPI (CPython ${PYTHON}, ${ARCHES.join(' and ')}), ` +
        `the per-CPython wheel history of ${historyChecked} (${PYTHONS.join(', ')} x ${ARCHES.length} arches) and the per-release sdist history of ${sdistChecked}; ${disagreements.length} disagreement(s)`,
    );
    expect(entries.length).toBeGreaterThan(0);
    expect(historyChecked).toBe(entries.length);
    expect(sdistChecked).toBe(entries.length);
    expect(disagreements, `disagreements with PyPI:\n${disagreements.join('\n')}`).toEqual([]);
  }, 300_000);
});
