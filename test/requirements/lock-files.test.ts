/**
 * Lock files read offline: real uv.lock, poetry.lock and pylock.toml of one project (see
 * fixtures/locks/README.md) give the same installed set for a target, and every package a decision
 * without the network; plus the edge cases of the readers on small inline locks.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decide } from '../../src/knowledge/decide.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { isFullyPinned, readLockedInput } from '../../src/project/lock-input.ts';
import { parseRequirementsText } from '../../src/requirements/index.ts';
import { lockKindOf, readLockText } from '../../src/requirements/lock-readers.ts';
import { selectLocked } from '../../src/requirements/lock-select.ts';

const LOCKS = fileURLToPath(new URL('./fixtures/locks/', import.meta.url));
const BOTH = ['x86_64', 'aarch64'] as const;
const INSTALLED_312 = ['cffi', 'cryptography', 'idna', 'multidict', 'psycopg', 'psycopg-c', 'pycparser', 'rapidfuzz', 'typing-extensions', 'yarl'];

describe.each(['uv.lock', 'poetry.lock', 'pylock.toml'])('%s', (file) => {
  it('selects what installs on CPython 3.12 (no Windows-only packages, no dev group), pinned', async () => {
    const input = await readLockedInput(`${LOCKS}${file}`, file, { python: '3.12', arches: [...BOTH] });
    expect(input.requirements.map((r) => r.name).sort()).toEqual(INSTALLED_312);
    expect(input.requirements.find((r) => r.name === 'yarl')!.specifiers).toEqual(['==1.9.2']);
    expect(input.hashed).toBe(true);
  });
  it('evaluates markers per target: typing-extensions only below 3.13', async () => {
    const input = await readLockedInput(`${LOCKS}${file}`, file, { python: '3.13', arches: ['x86_64'] });
    expect(input.requirements.map((r) => r.name)).not.toContain('typing-extensions');
  });
  it('decides every package offline from the files the lock lists', async () => {
    const input = await readLockedInput(`${LOCKS}${file}`, file, { python: '3.12', arches: [...BOTH] });
    const decisions = decide(input.requirements, loadKnowledge(), { python: '3.12', arches: [...BOTH], locked: input.files });
    const status = Object.fromEntries(decisions.packages.map((p) => [p.name, p.status]));
    expect(status).toEqual({
      cffi: 'wheel',
      cryptography: 'wheel',
      idna: 'pure',
      multidict: 'wheel',
      psycopg: 'pure',
      'psycopg-c': 'compile',
      pycparser: 'pure',
      rapidfuzz: 'wheel',
      'typing-extensions': 'pure',
      yarl: 'compile',
    });
    expect(decisions.packages.find((p) => p.name === 'rapidfuzz')!.why).toBe('the lock lists a musllinux wheel for CPython 3.12 on x86_64 and aarch64');
    expect(decisions.packages.find((p) => p.name === 'yarl')!.why).toBe('the lock lists no musllinux wheel for CPython 3.12 on x86_64');
    expect(decisions.apk.build.map((a) => a.name)).toEqual(['build-base', 'libpq-dev']);
    expect(decisions.warnings.join('\n')).not.toMatch(/unknown to the knowledge base/);
  });
});

describe('lock readers', () => {
  it('names the kinds by file name', () => {
    expect(['uv.lock', 'a/poetry.lock', 'pylock.toml', 'pylock.web.toml', 'pylock.a.b.toml', 'requirements.txt'].map(lockKindOf)).toEqual([
      'uv',
      'poetry',
      'pylock',
      'pylock',
      null,
      null,
    ]);
  });
  it('a project the knowledge base does not know gets its status from the lock: a wheel needs no toolchain', () => {
    const lock = readLockText(
      'pylock',
      [
        'lock-version = "1.0"',
        'created-by = "test"',
        '[[packages]]',
        'name = "fastunknown"',
        'version = "1.0"',
        'wheels = [{ name = "fastunknown-1.0-cp312-cp312-musllinux_1_2_x86_64.whl", hashes = { sha256 = "00" } }]',
      ].join('\n'),
      'pylock.toml',
    );
    const packages = selectLocked(lock, { python: '3.12', arch: 'x86_64' });
    const decisions = decide(
      [{ file: 'pylock.toml', line: 3, text: 'fastunknown==1.0', name: 'fastunknown', extras: [], specifiers: ['==1.0'], marker: null, url: null, editable: false, options: [] }],
      loadKnowledge(),
      {
        python: '3.12',
        arches: ['x86_64'],
        locked: new Map(packages.map((pkg) => [pkg.name, pkg.files!])),
      },
    );
    expect(decisions.packages[0]).toMatchObject({ status: 'wheel', build: [], why: 'the lock lists a musllinux wheel for CPython 3.12 on x86_64' });
    expect(decisions.apk.build).toEqual([]);
    expect(decisions.warnings).toEqual([]);
  });
  it('a locked package with neither a fitting wheel nor an sdist cannot install: a problem', () => {
    const lock = readLockText(
      'pylock',
      [
        'lock-version = "1.0"',
        'created-by = "test"',
        '[[packages]]',
        'name = "onlygpu"',
        'version = "1.0"',
        'wheels = [{ name = "onlygpu-1.0-cp312-cp312-manylinux_2_28_x86_64.whl", hashes = { sha256 = "00" } }]',
      ].join('\n'),
      'pylock.toml',
    );
    const packages = selectLocked(lock, { python: '3.12', arch: 'x86_64' });
    const decisions = decide(
      [{ file: 'pylock.toml', line: 3, text: 'onlygpu==1.0', name: 'onlygpu', extras: [], specifiers: ['==1.0'], marker: null, url: null, editable: false, options: [] }],
      loadKnowledge(),
      {
        python: '3.12',
        arches: ['x86_64'],
        locked: new Map(packages.map((pkg) => [pkg.name, pkg.files!])),
      },
    );
    expect(decisions.packages[0]!.status).toBe('unavailable');
    expect(decisions.problems[0]!.message).toBe(
      'onlygpu==1.0 cannot be installed on Alpine (CPython 3.12 on x86_64): the lock lists no musllinux wheel for CPython 3.12 on x86_64, and no sdist: pip cannot install it on Alpine',
    );
  });
  it('invalid TOML and a dependency missing from the lock are input errors naming the file and line', () => {
    expect(() => readLockText('uv', 'version = 1\n[[package]\n', 'uv.lock')).toThrow(/^uv\.lock:2: invalid TOML/);
    const lock = readLockText(
      'uv',
      ['version = 1', '[[package]]', 'name = "app"', 'version = "0"', 'source = { virtual = "." }', 'dependencies = [{ name = "gone" }]'].join('\n'),
      'uv.lock',
    );
    expect(() => selectLocked(lock, { python: '3.12', arch: 'x86_64' })).toThrow(/^uv\.lock:2: app depends on gone, which the lock does not contain/);
    expect(() => readLockText('pylock', '[[packages]]\nname = "x"\n', 'pylock.toml')).toThrow(/has no lock-version/);
  });
  it('recognises a fully pinned pip-compile file with hashes', () => {
    const pinned = parseRequirementsText('cffi==2.0.0 \\\n    --hash=sha256:00\npycparser==2.22 --hash=sha256:11\n', 'requirements.txt').requirements;
    expect(isFullyPinned(pinned)).toBe(true);
    expect(isFullyPinned(parseRequirementsText('cffi==2.0.0 --hash=sha256:00\npycparser>=2\n', 'r').requirements)).toBe(false);
    expect(isFullyPinned(parseRequirementsText('cffi==2.0.0\n', 'r').requirements)).toBe(false);
  });
  it('the fixture is the real file (not hand-made): uv wrote its header', () => {
    expect(readFileSync(`${LOCKS}uv.lock`, 'utf8')).toMatch(/^version = 1\nrevision = \d+\n/);
  });
});

describe('a pip-compile file pinned with hashes is complete', () => {
  it('decides only what it lists: no version-blind requires from the knowledge base', () => {
    const text = 'yarl==1.9.2 --hash=sha256:00\nidna==3.20 --hash=sha256:11\nmultidict==6.0.5 --hash=sha256:22\n';
    const pinned = decide(parseRequirementsText(text, 'requirements.txt').requirements, loadKnowledge(), { python: '3.12', arches: ['x86_64'] });
    expect(pinned.packages.map((p) => p.name)).toEqual(['idna', 'multidict', 'yarl']);
    // Unpinned, the knowledge base adds what the newest yarl needs.
    const open = decide(parseRequirementsText('yarl\n', 'requirements.txt').requirements, loadKnowledge(), { python: '3.12', arches: ['x86_64'] });
    expect(open.packages.map((p) => p.name)).toEqual(['multidict', 'propcache', 'yarl']);
  });
});
