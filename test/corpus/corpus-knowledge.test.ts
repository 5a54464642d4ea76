/**
 * The offline plan of real applications against the real index (CPython 3.12, x86_64, musl).
 * For every corpus file (test/corpus/corpus.json), `explain` decides every project offline; then
 * PyPI's JSON API is asked, once per project, about the pinned release of each project the
 * knowledge base marks native or the plan says compiles, cannot install, or does not know
 * (projects the knowledge base marks pure are not asked: an sdist of pure Python builds
 * without Alpine packages). It checks, per issue #12:
 * (a) every project that must compile (no fitting wheel, an sdist) has build packages in the
 *     plan (the knowledge base's, or the generic build-base/cargo fallback of an unknown project);
 * (b) every project that cannot install (no fitting wheel, no sdist) is reported `unavailable`;
 * (c) the offline status of native projects agrees with the index on at least 95%.
 * Gaps that are data (a project the knowledge base lacks) are listed in known-gaps.json, which
 * must match exactly: a new gap fails, and so does a listed gap that is gone (delete its line).
 * Needs the real index: skips with the reason where it cannot be reached, except in CI.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { realIndexProblem, skipWithoutIndex } from '../online/real-index.ts';
import { ARCH, askIndex, CORPUS, explainOffline, INDEX_REQUESTS, isLocalVersion, mapLimit, pinsOf, PYTHON, type CorpusFile, type IndexStatus } from './corpus.ts';

const SKIP = skipWithoutIndex(await realIndexProblem('https://pypi.org/pypi/pip/json'), 'corpus plans vs the real index');

interface KnownGaps {
  uncovered: Record<string, string[]>;
  unreported: Record<string, string[]>;
}
const KNOWN: KnownGaps = JSON.parse(readFileSync(new URL('./known-gaps.json', import.meta.url), 'utf8')) as KnownGaps;

type Category = 'binary' | 'compile' | 'unavailable';
const categoryOf = (status: string): Category | null =>
  status === 'wheel' || status === 'pure' ? 'binary' : status === 'compile' ? 'compile' : status === 'unavailable' ? 'unavailable' : null;

interface FileResult {
  file: string;
  python: string;
  packages: number;
  asked: number;
  /** Pinned to a local version (`+cpu`): from another index than PyPI, not asked. */
  otherIndex: string[];
  native: number;
  agreeing: number;
  uncovered: string[];
  unreported: string[];
  disagreements: string[];
  /** Not in the knowledge base, yet the index has a musllinux wheel for it: a native project to learn. */
  unknownNative: string[];
  lookupFailures: string[];
}

async function judge(corpusFile: CorpusFile): Promise<FileResult> {
  const { file } = corpusFile;
  const python = corpusFile.python ?? PYTHON;
  const knowledge = loadKnowledge();
  const document = await explainOffline(file, python);
  const pins = pinsOf(document);
  const asked = document.packages.filter((item) => {
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(item.name)) return false; // a path or URL requirement
    const entry = knowledge.packages.get(item.name);
    return entry?.kind === 'native' || (entry === undefined && item.status !== 'pure' && item.status !== 'wheel') || item.status === 'compile' || item.status === 'unavailable';
  });
  const otherIndex = asked.filter((item) => isLocalVersion(pins.get(item.name))).map((item) => `${item.name}==${pins.get(item.name)}`);
  const result: FileResult = {
    file,
    python,
    otherIndex,
    packages: document.packages.length,
    asked: asked.length - otherIndex.length,
    native: 0,
    agreeing: 0,
    uncovered: [],
    unreported: [],
    disagreements: [],
    unknownNative: [],
    lookupFailures: [],
  };
  const onPypi = asked.filter((item) => !isLocalVersion(pins.get(item.name)));
  const answers = await mapLimit(onPypi, 8, async (item) => ({ item, answer: await askIndex(item.name, pins.get(item.name) ?? null, python) }));
  for (const { item, answer } of answers) {
    if (typeof answer === 'string') {
      result.lookupFailures.push(`${item.name}: ${answer}`);
      continue;
    }
    const label = `${item.name}==${answer.version}`;
    const index: IndexStatus = answer.status;
    if (index === 'compile' && !((item.status === 'compile' || item.status === 'unknown') && item.build.includes('build-base'))) result.uncovered.push(label);
    if (index === 'unavailable' && item.status !== 'unavailable') result.unreported.push(label);
    if (item.status === 'unknown' && index === 'wheel') result.unknownNative.push(label);
    if (knowledge.packages.get(item.name)?.kind !== 'native') continue;
    result.native += 1;
    if (categoryOf(item.status) === categoryOf(index)) result.agreeing += 1;
    else result.disagreements.push(`${label}: offline ${item.status}, index ${index}`);
  }
  for (const list of [result.uncovered, result.unreported, result.disagreements, result.unknownNative]) list.sort();
  return result;
}

const percent = (part: number, whole: number): string => (whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(1)}%`);

describe.skipIf(SKIP)(`corpus of real applications: offline plans vs the real index (CPython ${PYTHON}, ${ARCH})`, () => {
  it('covers every project that must compile, reports every one that cannot install, and agrees on native projects', { timeout: 300_000 }, async () => {
    const results: FileResult[] = [];
    for (const entry of CORPUS) results.push(await judge(entry));
    const lines = results.map(
      (r) =>
        `${r.file.padEnd(30)} ${r.python} ${String(r.packages).padStart(4)} projects, ${String(r.asked).padStart(3)} asked; native agree ${r.agreeing}/${r.native} (${percent(r.agreeing, r.native)}); must-compile uncovered ${r.uncovered.length}; cannot-install unreported ${r.unreported.length}`,
    );
    const native = results.reduce((sum, r) => sum + r.native, 0);
    const agreeing = results.reduce((sum, r) => sum + r.agreeing, 0);
    console.log(
      `corpus vs PyPI (${INDEX_REQUESTS.count} JSON requests):\n${lines.join('\n')}\nnative projects agreeing overall: ${agreeing}/${native} (${percent(agreeing, native)})`,
    );
    const unknownNative = [...new Set(results.flatMap((r) => r.unknownNative.map((label) => label.split('==')[0]!)))].sort();
    console.log(`native projects (a musllinux wheel on PyPI) the knowledge base does not know (${unknownNative.length}): ${unknownNative.join(', ')}`);
    for (const r of results) {
      if (r.otherIndex.length > 0) console.log(`${r.file} from another index (local versions), not asked: ${r.otherIndex.join(', ')}`);
      if (r.disagreements.length > 0) console.log(`${r.file} disagreements: ${r.disagreements.join('; ')}`);
      if (r.uncovered.length > 0) console.log(`${r.file} must compile, no build packages in the plan: ${r.uncovered.join(', ')}`);
      if (r.unreported.length > 0) console.log(`${r.file} cannot install, not reported: ${r.unreported.join(', ')}`);
    }
    expect(results.flatMap((r) => r.lookupFailures)).toEqual([]);
    // Exactly the known data gaps: new ones fail, and fixed ones must leave known-gaps.json.
    expect(Object.fromEntries(results.filter((r) => r.uncovered.length > 0).map((r) => [r.file, r.uncovered]))).toEqual(KNOWN.uncovered);
    expect(Object.fromEntries(results.filter((r) => r.unreported.length > 0).map((r) => [r.file, r.unreported]))).toEqual(KNOWN.unreported);
    expect(agreeing / native).toBeGreaterThanOrEqual(0.95);
  });

  it('says when a lock was made for another Python (redash locks ==3.13.*)', async () => {
    const document = await explainOffline('redash/uv.lock', '3.12');
    expect(document.warnings[0]).toMatch(/^redash\/uv\.lock was locked for Python ==3\.13\.\* \(its requires-python\), not CPython 3\.12\.\d+/);
  });
});
