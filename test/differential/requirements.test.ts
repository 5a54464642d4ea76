/**
 * Differential test: our requirement parsers against pip 26 and packaging 26 themselves, over the
 * corpus in ./corpus (PEP 508 strings, markers on each target, and whole requirements files).
 * reference.py prints what pip/packaging make of every case; this test compares field by field.
 * The venv comes from scripts/setup-python-venv.sh ($SLIM_PYTHON_VENV, else .venv-ci/). Without a
 * reachable package index the test skips and says why, except under CI, where that is a failure.
 *
 * Mutation runs (vitest.mutate.config.ts) compare each mutant with pip's answers without spawning
 * Python: every run that calls the reference writes its answers, with a hash of the corpus and of
 * reference.py, to $SLIM_DIFFERENTIAL_CACHE (default reports/differential-reference.json), and a
 * run with SLIM_DIFFERENTIAL_CACHE set reads that file when it exists. An ordinary run (variable
 * unset) always calls pip; a cache whose hash differs from the corpus is an error, never used.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { execa } from 'execa';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { ScannedLine } from '../../src/requirements/requirements-file.ts';
import type { Arch, Requirement } from '../../src/requirements/types.ts';
import { isCi } from '../support/cli.ts';
import { realIndexEnv } from '../support/python-venv.ts';
import { toPipOptionFields, toPipRequirementOptions } from './pip-shapes.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CORPUS = fileURLToPath(new URL('./corpus', import.meta.url));
const FILES = join(CORPUS, 'files');
const IN_CI = isCi();

type Fields = Record<string, unknown>;
interface Reference {
  versions: { pip: string; packaging: string };
  strings: (Fields & { error?: string })[];
  markers: { marker: string; python: string; arch: Arch; extras: string[] | null; result?: boolean; error?: string }[];
  lines: Record<string, (Fields & { line: number; kind: string; error?: string })[]>;
  files: Record<string, { requirements: (Fields & { constraint: boolean })[]; error: string | null }>;
}

const ENV: Record<string, string | undefined> = Object.fromEntries(
  Object.entries(JSON.parse(readFileSync(join(CORPUS, 'env.json'), 'utf8')) as Record<string, string | null>).map(([k, v]) => [k, v ?? undefined]),
);
const isDirectory = (path: string) => statSync(resolve(FILES, path), { throwIfNoEntry: false })?.isDirectory() ?? false;

let reference: Reference | undefined;
let skipReason: string | undefined;

const REFERENCE_SCRIPT = join(CORPUS, '..', 'reference.py');
const CACHE_GIVEN = process.env.SLIM_DIFFERENTIAL_CACHE;
const CACHE = resolve(ROOT, CACHE_GIVEN ?? 'reports/differential-reference.json');

// Every file the reference's answers depend on: reference.py and the whole corpus, by path and bytes.
function corpusHash(): string {
  const hash = createHash('sha256');
  const add = (path: string): void => {
    if (statSync(path).isDirectory()) for (const name of readdirSync(path).sort()) add(join(path, name));
    else
      hash
        .update(`${relative(CORPUS, path)}\0`)
        .update(readFileSync(path))
        .update('\0');
  };
  add(REFERENCE_SCRIPT);
  add(CORPUS);
  return hash.digest('hex');
}

/** The cached answers when SLIM_DIFFERENTIAL_CACHE names an existing file; throws when it is stale. */
function readCache(): Reference | undefined {
  if (CACHE_GIVEN === undefined || !existsSync(CACHE)) return undefined;
  const cached = JSON.parse(readFileSync(CACHE, 'utf8')) as { corpus: string; reference: string };
  if (cached.corpus !== corpusHash()) {
    throw new Error(`${CACHE} holds pip's answers for another corpus or reference.py: delete it, or refresh it with \`npm run mutate:reference\` (real pip)`);
  }
  return JSON.parse(cached.reference.replaceAll(FILES_PLACEHOLDER, FILES)) as Reference;
}

// pip's answers name the corpus by its absolute path (file: URLs, error texts); the cache holds a
// placeholder instead, so a copy of the checkout (Stryker's sandbox) reads them for its own path.
const FILES_PLACEHOLDER = '<corpus files>';

function writeCache(answers: Reference): void {
  mkdirSync(dirname(CACHE), { recursive: true });
  const reference = JSON.stringify(answers).replaceAll(FILES, FILES_PLACEHOLDER);
  writeFileSync(CACHE, JSON.stringify({ corpus: corpusHash(), versions: answers.versions, reference }));
}

/** Sets up the venv (or takes $SLIM_PYTHON_VENV) and runs reference.py; a failure skips, or fails in CI. */
async function loadReference(): Promise<void> {
  reference = readCache();
  if (reference) return;
  const given = process.env.SLIM_PYTHON_VENV;
  const venv = given ?? join(ROOT, '.venv-ci');
  // A venv named by SLIM_PYTHON_VENV is used as it is; .venv-ci/ is created or reused by the setup script.
  const setup = given
    ? await execa(join(venv, 'bin/python'), ['-c', 'import pip, packaging'], { reject: false, all: true })
    : await execa('bash', [join(ROOT, 'scripts/setup-python-venv.sh')], { reject: false, all: true });
  if (setup.exitCode !== 0) {
    const output = String(setup.all || setup.message)
      .trim()
      .split('\n')
      .slice(-3)
      .join(' | ');
    const why = given
      ? `SLIM_PYTHON_VENV=${given} has no python with pip and packaging: ${output}`
      : `cannot set up the reference venv ${venv} (is the package index reachable?): ${output}`;
    if (IN_CI) throw new Error(why);
    skipReason = why;
    console.warn(`differential test skipped: ${why}`);
    return;
  }
  const run = await execa(join(venv, 'bin/python'), [REFERENCE_SCRIPT, CORPUS], { cwd: FILES, env: realIndexEnv(), timeout: 120_000 });
  reference = JSON.parse(run.stdout) as Reference;
  writeCache(reference);
}

/**
 * The ports, imported afresh for each test: their module-level tables and cached token rules are
 * then built inside the test, so a mutation run sees every mutant of them (README "Mutation testing").
 */
async function freshPorts() {
  vi.resetModules();
  const [index, readFiles, requirementsFile] = await Promise.all([
    import('../../src/requirements/index.ts'),
    import('../../src/requirements/read-files.ts'),
    import('../../src/requirements/requirements-file.ts'),
  ]);
  return { ...index, ...readFiles, ...requirementsFile };
}

// What our Requirement says, in the shape reference.py prints pip's InstallRequirement.
function pipShape(requirement: Requirement): Fields {
  const url = requirement.url;
  // A `name @ ./path` URL stays as written in pip; a bare path becomes a file: URL.
  const isPath = url !== null && !/^[A-Za-z][A-Za-z0-9+.-]*:/.test(url) && !requirement.text.includes('@');
  return {
    text: requirement.text,
    editable: requirement.editable,
    name: requirement.name,
    extras: requirement.extras,
    specifiers: requirement.specifiers,
    // pip turns local paths into file: URLs, resolved against its working directory (FILES here).
    url: isPath ? pathToFileURL(resolve(FILES, url)).href : resolveRelativeFileUrl(url),
    marker: requirement.marker,
    options: toPipRequirementOptions(requirement.options),
  };
}

// pip rewrites a file: URL containing "../" to an absolute one (constructors.parse_req_from_line).
function resolveRelativeFileUrl(url: string | null): string | null {
  if (url === null || !/^file:/i.test(url) || !url.includes('../')) return url;
  return pathToFileURL(resolve(FILES, decodeURIComponent(url.replace(/^file:(\/\/[^/]*)?/i, '')))).href;
}

function scannedShape(scanned: ScannedLine): Fields {
  if (scanned.kind === 'requirement') return { kind: 'requirement', ...pipShape(scanned.requirement) };
  if (scanned.kind === 'include') return { kind: 'include', include: { kind: scanned.include.kind, path: scanned.include.path } };
  if (scanned.kind === 'options') return { kind: 'options', options: toPipOptionFields(scanned.options) };
  return { kind: 'error' };
}

function pick(fields: Fields, keys: readonly string[]): Fields {
  return Object.fromEntries(keys.map((key) => [key, fields[key]]));
}

const REQUIREMENT_KEYS = ['name', 'extras', 'specifiers', 'url', 'marker'] as const;
const LINE_KEYS = ['kind', 'text', 'editable', 'name', 'extras', 'specifiers', 'url', 'marker', 'options', 'include'] as const;

describe('requirements parsing agrees with pip and packaging', () => {
  beforeAll(loadReference, 300_000);
  let compared = 0;

  it('PEP 508 strings: parseRequirementString vs packaging.requirements.Requirement', async (context) => {
    if (!reference) return context.skip(skipReason);
    const { parseRequirementString } = await freshPorts();
    const texts = JSON.parse(readFileSync(join(CORPUS, 'requirement-strings.json'), 'utf8')) as string[];
    // Every corpus case must have come back: a reference that prints nothing compares nothing.
    expect(reference.strings).toHaveLength(texts.length);
    expect(texts.length).toBeGreaterThanOrEqual(150);
    const mismatches: unknown[] = [];
    texts.forEach((text, index) => {
      const expected = reference!.strings[index]!;
      let ours: Fields;
      try {
        ours = pick(parseRequirementString(text, { file: 'corpus', line: 1 }) as unknown as Fields, REQUIREMENT_KEYS);
      } catch (error) {
        ours = { error: (error as Error).message };
      }
      const same = 'error' in expected ? 'error' in ours : JSON.stringify(ours) === JSON.stringify(pick(expected, REQUIREMENT_KEYS));
      if (!same) mismatches.push({ text, ours, packaging: expected });
      compared++;
    });
    expect(mismatches).toEqual([]);
  });

  it('markers: evaluateMarker vs packaging.markers.Marker.evaluate on each target', async (context) => {
    if (!reference) return context.skip(skipReason);
    const { evaluateMarker } = await freshPorts();
    const cases = JSON.parse(readFileSync(join(CORPUS, 'markers.json'), 'utf8')) as unknown[];
    expect(reference.markers).toHaveLength(cases.length);
    expect(cases.length).toBeGreaterThanOrEqual(400);
    const mismatches: unknown[] = [];
    for (const expected of reference.markers) {
      let ours: { result?: boolean; error?: string };
      try {
        ours = { result: evaluateMarker(expected.marker, { python: expected.python, arch: expected.arch }, expected.extras ?? undefined) };
      } catch (error) {
        ours = { error: (error as Error).message };
      }
      const same = expected.error !== undefined ? ours.error !== undefined : ours.result === expected.result;
      if (!same) mismatches.push({ case: expected, ours });
      compared++;
    }
    expect(mismatches).toEqual([]);
  });

  it('requirements files, line by line: scanRequirementsText vs pip req_file + constructors', async (context) => {
    if (!reference) return context.skip(skipReason);
    const { decodeRequirementsBytes, scanRequirementsText } = await freshPorts();
    const mismatches: unknown[] = [];
    const names = readdirSync(FILES).filter((name) => name.endsWith('.txt'));
    expect(names.length).toBeGreaterThanOrEqual(15);
    let lines = 0;
    expect(Object.keys(reference.lines).sort()).toEqual(names.sort());
    for (const name of names) {
      const text = decodeRequirementsBytes(readFileSync(join(FILES, name)), name);
      const ours = scanRequirementsText(text, name, { env: ENV, constraint: name.startsWith('constraints'), isDirectory });
      const pipLines = reference.lines[name]!;
      expect(
        ours.map((scanned) => scanned.line),
        `logical lines of ${name}`,
      ).toEqual(pipLines.map((entry) => entry.line));
      ours.forEach((scanned, index) => {
        const expected = pipLines[index]!;
        const mine = pick(scannedShape(scanned), LINE_KEYS);
        const theirs = pick(expected, LINE_KEYS);
        lines++;
        if (JSON.stringify(mine) !== JSON.stringify(theirs)) {
          mismatches.push({
            file: name,
            line: scanned.line,
            ours: mine,
            pip: theirs,
            ourError: scanned.kind === 'error' ? scanned.error.message : undefined,
            pipError: expected.error,
          });
        }
        compared++;
      });
    }
    expect(mismatches).toEqual([]);
    expect(lines, 'logical lines compared').toBeGreaterThanOrEqual(150);
  });

  it('whole files with includes: parseRequirementsFile vs pip parse_requirements', async (context) => {
    if (!reference) return context.skip(skipReason);
    const { parseRequirementsFile } = await freshPorts();
    for (const [name, expected] of Object.entries(reference.files)) {
      const run = parseRequirementsFile(name, { projectRoot: FILES, env: ENV, isDirectory });
      if (expected.error !== null) {
        await expect(run, `${name}: pip says ${expected.error}`).rejects.toThrow();
      } else {
        const ours = await run;
        const key = (r: Fields) => pick(r, ['file', 'line', 'name', 'text']);
        expect(
          ours.requirements.map((r) => key(r as unknown as Fields)),
          name,
        ).toEqual(expected.requirements.filter((r) => !r.constraint).map(key));
        expect(
          ours.constraints.map((r) => key(r as unknown as Fields)),
          name,
        ).toEqual(expected.requirements.filter((r) => r.constraint).map(key));
      }
      compared++;
    }
    console.log(`differential: ${compared} cases compared against pip ${reference.versions.pip} / packaging ${reference.versions.packaging}`);
    expect(Object.keys(reference.files).length).toBeGreaterThanOrEqual(3);
  });
});
