/**
 * The pure parts of `explain --online` against output recorded from real pip runs
 * (fixtures/capture.sh; pip 23.2.1 in fixtures/, pip 26.3 in fixtures/pip26/).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isRecentPip, parsePipVersion } from '../../src/online/find-pip.ts';
import { parseCollecting, parsePipFailure, parseProbe } from '../../src/online/pip-output.ts';
import { classifyFile, fileNameOfUrl, parsePipReport, requirementName } from '../../src/online/pip-report.ts';
import { normalizeName } from '../../src/requirements/normalize.ts';
import { buildInstallArgs } from '../../src/online/run-pip.ts';

const PIPS = ['', 'pip26/'] as const;

function fixture(name: string): string {
  return readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
}

describe('pip report', () => {
  it.each(PIPS)('classifies the reference example (%s): every project a musllinux wheel or pure', (dir) => {
    const report = parsePipReport(fixture(`${dir}report-reference.json`));
    const byName = Object.fromEntries(report.dists.map((dist) => [dist.name, dist.status]));
    expect(byName).toMatchObject({
      cryptography: 'wheel',
      cffi: 'wheel',
      aiohttp: 'wheel',
      frozenlist: 'wheel',
      multidict: 'wheel',
      yarl: 'wheel',
      propcache: 'wheel',
      pycparser: 'pure',
      idna: 'pure',
      attrs: 'pure',
      'typing-extensions': 'pure',
      aiosignal: 'pure',
      aiohappyeyeballs: 'pure',
    });
    expect(
      report.dists
        .filter((dist) => dist.requested)
        .map((dist) => dist.name)
        .sort(),
    ).toEqual(['aiohttp', 'cryptography']);
    expect(report.environment.python_version).toMatch(/^3\.\d+$/);
  });

  it('classifies wheel file names by their platform tag', () => {
    expect(classifyFile('cryptography-46.0.3-cp311-abi3-musllinux_1_2_x86_64.whl')).toBe('wheel');
    expect(classifyFile('lxml-6.0.2-cp312-cp312-musllinux_1_1_aarch64.whl')).toBe('wheel');
    expect(classifyFile('idna-2.0-py2.py3-none-any.whl')).toBe('pure');
    expect(classifyFile('foo-1.0-1-py3-none-any.whl')).toBe('pure');
    expect(classifyFile('numpy-2.0.0-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl')).toBeNull();
    expect(classifyFile('psycopg2-2.9.10.tar.gz')).toBe('compile');
    expect(classifyFile('weird')).toBeNull();
    expect(fileNameOfUrl('https://files.example/p/a/b/x_y-1.0-py3-none-any.whl#sha256=abc')).toBe('x_y-1.0-py3-none-any.whl');
    expect(fileNameOfUrl('https://h/simple/foo%2Bbar-1.0.tar.gz?x=1')).toBe('foo+bar-1.0.tar.gz');
  });

  it('normalises names as PEP 503 says', () => {
    expect(normalizeName('Typing_Extensions')).toBe('typing-extensions');
    expect(normalizeName('zope.interface')).toBe('zope-interface');
    expect(requirementName('Flask>=1.0.4')).toBe('flask');
    expect(requirementName('brotli; platform_python_implementation == "CPython"')).toBe('brotli');
    expect(requirementName('>=1')).toBeNull();
  });

  it('rejects a report pip did not write properly', () => {
    expect(() => parsePipReport('{')).toThrow(/unreadable --report/);
    expect(() => parsePipReport('{"version": "1"}')).toThrow(/without an "install" list/);
  });
});

describe('pip failures', () => {
  it.each(PIPS)('reads a top-level project without wheels (%s)', (dir) => {
    expect(parsePipFailure(fixture(`${dir}out-missing-top.txt`))).toEqual({ kind: 'missing', requirement: 'psycopg2', name: 'psycopg2', parents: [], versions: [] });
  });

  it.each(PIPS)('reads a pin below the first wheel, with the releases that have one (%s)', (dir) => {
    const failure = parsePipFailure(fixture(`${dir}out-missing-pinned.txt`));
    expect(failure).toMatchObject({ kind: 'missing', requirement: 'cryptography==3.3.2', name: 'cryptography', parents: [] });
    expect(failure.kind === 'missing' && failure.versions).toContain('3.4.8');
  });

  it.each(PIPS)('reads a transitive project without wheels and locates its top-level requirement (%s)', (dir) => {
    const output = fixture(`${dir}out-missing-transitive.txt`);
    expect(parsePipFailure(output)).toEqual({ kind: 'missing', requirement: 'mysqlclient>=2.2.0', name: 'mysqlclient', parents: ['flask-mysqldb'], versions: [] });
    const collected = parseCollecting(output);
    expect(collected.get('flask-mysqldb')).toEqual({ name: 'flask-mysqldb', ancestors: [], line: 1 });
    expect(collected.get('flask')).toEqual({ name: 'flask', ancestors: ['flask-mysqldb'], line: 1 });
    expect(collected.get('requests')?.line).toBe(2);
  });

  it('reads chains of several ancestors', () => {
    const collected = parseCollecting(fixture('out-reference.txt'));
    expect(collected.get('pycparser')).toEqual({ name: 'pycparser', ancestors: ['cffi', 'cryptography'], line: 1 });
    expect(collected.get('idna')).toEqual({ name: 'idna', ancestors: ['yarl', 'aiohttp'], line: 2 });
  });

  it.each(PIPS)('reads a version conflict as one line (%s)', (dir) => {
    const failure = parsePipFailure(fixture(`${dir}out-conflict.txt`));
    expect(failure.kind).toBe('conflict');
    expect(failure.kind === 'conflict' && failure.message).toMatch(/The user requested idna==2\.0; requests 2\.31\.0 depends on idna/);
  });

  it('reads anything else as the first error line', () => {
    expect(parsePipFailure('noise\nERROR: Invalid requirement: "x y"\n')).toEqual({ kind: 'other', message: 'Invalid requirement: "x y"' });
  });
});

describe('index probe (-vv)', () => {
  it.each(PIPS)('tells a reachable index from an unreachable one (%s)', (dir) => {
    expect(parseProbe(fixture(`${dir}probe-reachable.txt`))).toEqual({ kind: 'reachable' });
    expect(parseProbe(fixture(`${dir}probe-refused.txt`))).toEqual({ kind: 'network', cause: '127.0.0.1:9: [Errno 111] Connection refused' });
    expect(parseProbe(fixture(`${dir}probe-dns.txt`))).toEqual({ kind: 'network', cause: 'nonexistent-host.invalid: [Errno -2] Name or service not known' });
    expect(parseProbe(fixture(`${dir}probe-404.txt`))).toEqual({ kind: 'not-found' });
  });

  it('shows that without -vv an unreachable index looks like a project without wheels', () => {
    expect(parsePipFailure(fixture('out-unreachable.txt'))).toMatchObject({ kind: 'missing', name: 'psycopg2', versions: [] });
    expect(parseProbe(fixture('out-unreachable.txt'))).toEqual({ kind: 'reachable' });
  });
});

describe('a parent resolved alone', () => {
  it('reads the parent resolved alone with --no-deps', () => {
    const report = parsePipReport(fixture('report-nodeps-parent.json'));
    expect(report.dists).toHaveLength(1);
    expect(report.dists[0]).toMatchObject({ name: 'flask-mysqldb', status: 'pure' });
    expect(report.dists[0]!.requiresDist.map(requirementName)).toEqual(expect.arrayContaining(['flask', 'mysqlclient']));
  });
});

describe('pip command', () => {
  it('asks for Alpine wheels only, for the target, without touching index settings', () => {
    const args = buildInstallArgs({ target: { python: '3.12', arch: 'aarch64' }, reportFile: 'R', targetDir: 'T', requirementsFile: 'Q' });
    expect(args.join(' ')).toBe(
      'install --dry-run --ignore-installed --no-input --disable-pip-version-check --progress-bar off --report R --only-binary :all: ' +
        '--platform musllinux_1_2_aarch64 --platform musllinux_1_1_aarch64 --python-version 3.12 --implementation cp --target T -r Q',
    );
    expect(args.some((arg) => /index|config/.test(arg))).toBe(false);
  });

  it.each(PIPS)('reads the pip version (%s)', (dir) => {
    const version = parsePipVersion(fixture(`${dir}pip-version.txt`));
    expect(version).toMatch(/^2[36]\./);
    expect(isRecentPip(version!)).toBe(true);
    expect(isRecentPip('22.1.2')).toBe(false);
    expect(isRecentPip('22.2')).toBe(true);
  });
});
