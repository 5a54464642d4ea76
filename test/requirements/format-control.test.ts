/**
 * --no-binary / --only-binary: our port of pip's FormatControl against pip's own (differential,
 * through the reference venv's pip; skips saying why when it is missing, fails in CI), and what
 * decide makes of them.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { decide } from '../../src/knowledge/decide.ts';
import type { Knowledge } from '../../src/knowledge/decisions.ts';
import type { KnowledgeEntry } from '../../src/knowledge/schema.ts';
import { allowedFormats, formatControlOf } from '../../src/requirements/format-control.ts';
import { parseRequirementsText } from '../../src/requirements/index.ts';
import { REPO_ROOT, isCi } from '../support/cli.ts';

const CASES: [string, string][][] = [
  [['--no-binary', 'lxml']],
  [
    ['--no-binary', ':all:'],
    ['--only-binary', 'Pillow'],
  ],
  [
    ['--only-binary', ':all:'],
    ['--no-binary', 'lxml,PyYAML'],
  ],
  [
    ['--no-binary', 'lxml'],
    ['--only-binary', ':all:'],
  ],
  [['--no-binary', ':all:,:none:,psycopg2']],
  [
    ['--only-binary', 'lxml'],
    ['--only-binary', ':none:'],
  ],
  [
    ['--no-binary', 'a'],
    ['--only-binary', 'a'],
  ],
  [['--no-binary', ':all:,:all:']],
];
const NAMES = ['lxml', 'pillow', 'pyyaml', 'psycopg2', 'a', 'other'];

function ours(options: [string, string][]): Record<string, string[]> {
  const control = formatControlOf(options.map(([name, value], index) => ({ name, value, file: 'r.txt', line: index + 1 })));
  return Object.fromEntries(
    NAMES.map((name) => {
      const allowed = allowedFormats(control, name);
      return [name, [...(allowed.binary ? ['binary'] : []), ...(allowed.source ? ['source'] : [])]];
    }),
  );
}

describe('format control', () => {
  it('a name wins over :all:, :none: clears, the last option moves a name across', () => {
    expect(
      ours([
        ['--no-binary', ':all:'],
        ['--only-binary', 'Pillow'],
      ]),
    ).toMatchObject({ pillow: ['binary'], lxml: ['source'] });
    expect(
      ours([
        ['--no-binary', 'lxml'],
        ['--only-binary', ':all:'],
      ]),
    ).toMatchObject({ lxml: ['binary'], other: ['binary'] });
    expect(
      ours([
        ['--no-binary', 'a'],
        ['--only-binary', 'a'],
      ]).a,
    ).toEqual(['binary']);
  });

  const venv = join(REPO_ROOT, '.venv-ci', 'bin', 'python');
  it("agrees with pip's FormatControl on every case", async () => {
    if (!existsSync(venv)) {
      if (isCi()) throw new Error(`${venv} is missing: npm test's pretest (scripts/setup-test-tools.sh) creates it`);
      console.warn(`skipping the FormatControl differential check: ${venv} is missing (run scripts/setup-test-tools.sh)`);
      return;
    }
    const script = [
      'import json, sys',
      'from pip._internal.models.format_control import FormatControl',
      'cases, names = json.load(sys.stdin)',
      'out = []',
      'for case in cases:',
      '    fc = FormatControl(set(), set())',
      '    for option, value in case:',
      '        if option == "--no-binary": FormatControl.handle_mutual_excludes(value, fc.no_binary, fc.only_binary)',
      '        else: FormatControl.handle_mutual_excludes(value, fc.only_binary, fc.no_binary)',
      '    out.append({n: sorted(fc.get_allowed_formats(n)) for n in names})',
      'print(json.dumps(out))',
    ].join('\n');
    const run = await execa(venv, ['-c', script], { input: JSON.stringify([CASES, NAMES]) });
    expect(CASES.map(ours)).toEqual(JSON.parse(run.stdout));
  });
});

describe("decide honours the file's format options", () => {
  const entry = (partial: Partial<KnowledgeEntry>): KnowledgeEntry => ({
    kind: 'native',
    build: ['build-base', 'libxml2-dev'],
    runtime: ['libxml2'],
    dlopen: [],
    requires: [],
    sdist: true,
    sources: [],
    musllinux: { since: { x86_64: '1.0' }, latest: '6.0', python: ['abi3', '3.8'] },
    ...partial,
  });
  const knowledge: Knowledge = {
    packages: new Map([
      ['lxml', entry({})],
      ['psycopg2', entry({ build: ['build-base', 'libpq-dev'], runtime: ['libpq'], musllinux: null })],
    ]),
  };
  const run = (text: string) => {
    const parsed = parseRequirementsText(text, 'requirements.txt');
    const formats = formatControlOf(parsed.options.map((option) => ({ ...option, file: 'requirements.txt' })));
    return decide(parsed.requirements, knowledge, { python: '3.12', arches: ['x86_64'], formats });
  };
  it('--no-binary: compiles although a wheel fits, naming the option and line', () => {
    const lxml = run('--no-binary lxml\nlxml\n').packages[0]!;
    expect(lxml).toMatchObject({ status: 'compile', build: ['build-base', 'libxml2-dev'], runtime: ['libxml2'] });
    expect(lxml.why).toBe('--no-binary (requirements.txt:1) makes pip build it from source');
  });
  it('--only-binary: a project that must compile cannot install (a problem); unknown projects need no compiler', () => {
    const result = run('--only-binary :all:\npsycopg2\nlxml\nnobody-knows\n');
    const by = Object.fromEntries(result.packages.map((item) => [item.name, item]));
    expect(by.lxml!.status).toBe('wheel');
    expect(by.psycopg2!.status).toBe('unavailable');
    expect(result.problems.map((problem) => problem.message)).toEqual([
      'psycopg2 cannot be installed on Alpine (CPython 3.12, x86_64): ships no musllinux wheel, and --only-binary (requirements.txt:1) forbids building it: pip cannot install it on Alpine',
    ]);
    expect(by['nobody-knows']!.build).toEqual([]);
    expect(result.apk.build).toEqual([]);
  });
  it("--no-binary on a requirement's own line counts too (pip's parser writes it into the finder)", () => {
    const lxml = run('lxml==6.0 --no-binary lxml\n').packages[0]!;
    expect(lxml.status).toBe('compile');
  });
});
