/**
 * `explain --online` in-process against the real index (through this machine's pip, PyPI only).
 * Skips, saying why, when PyPI cannot be reached, except under CI.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParsedFlags } from '../../src/args/parse.ts';
import { parseConfig, serializeConfig, type ProjectConfig } from '../../src/project/config.ts';
import type { ExplainDocument } from '../../src/commands/explain/document.ts';
import { runOnlineExplain } from '../../src/commands/explain/online.ts';
import type { Arch, Requirement } from '../../src/requirements/types.ts';
import { TOOL_VERSION } from '../../src/version.ts';
import { fakeIo, pypiOnlyEnv, realIndexProblem, skipWithoutIndex } from './real-index.ts';

const SKIP = skipWithoutIndex(await realIndexProblem(), 'explain --online against the real index');

function req(text: string, name: string, specifiers: string[] = [], extras: string[] = [], line = 1): Requirement {
  return { file: 'requirements.txt', line, text, name, extras, specifiers, marker: null, url: null, editable: false, options: [] };
}

async function explain(requirements: Requirement[], options: { arch?: Arch; flags?: ParsedFlags; root?: string | null; env?: Record<string, string> } = {}) {
  const io = fakeIo(pypiOnlyEnv(options.env));
  const code = await runOnlineExplain({
    io,
    flags: { json: true, interactive: false, ...options.flags },
    requirements,
    target: { python: '3.12', arch: options.arch ?? 'x86_64' },
    root: options.root ?? null,
    runtimeId: '3.12',
    bytecode: true,
  });
  return { code, io, document: options.flags?.json === false ? null : (JSON.parse(io.out()) as ExplainDocument) };
}

function statuses(document: ExplainDocument): Record<string, string> {
  return Object.fromEntries(document.packages.map((item) => [item.name, item.status]));
}

// Each test runs pip several times against the real index: minutes on a loaded 2-core machine.
describe.skipIf(SKIP)('explain --online (real index)', { timeout: 300_000 }, () => {
  it('finds wheels for the reference example, transitive projects included, for x86_64', async () => {
    const { code, io, document } = await explain([req('cryptography', 'cryptography'), req('aiohttp', 'aiohttp', [], [], 2)]);
    expect(code).toBe(0);
    expect(io.err()).toBe(''); // not interactive: no progress
    const found = statuses(document!);
    for (const name of ['cryptography', 'aiohttp', 'cffi', 'frozenlist', 'multidict', 'yarl', 'propcache']) expect(found[name], name).toBe('wheel');
    for (const name of ['pycparser', 'idna', 'attrs', 'aiosignal', 'aiohappyeyeballs']) expect(found[name], name).toBe('pure');
    expect(Object.values(found).filter((status) => status !== 'wheel' && status !== 'pure')).toEqual([]);
    expect(document!.apk.build).toEqual([]);
    expect(document!.packages.find((item) => item.name === 'cffi')!.why).toMatch(/musllinux wheel .*\(required by cryptography\)/);
    expect(document!.python).toBe('3.12');
  });

  it('finds wheels for the reference example on aarch64 and prints the table for people', async () => {
    const { code, io } = await explain([req('cryptography', 'cryptography'), req('aiohttp', 'aiohttp', [], [], 2)], { arch: 'aarch64', flags: { json: false } });
    expect(code).toBe(0);
    expect(io.out()).toMatch(/^Requirements for CPython 3\.12 on aarch64/);
    expect(io.out()).toMatch(/^ {2}multidict +wheel +musllinux wheel for CPython 3\.12 on aarch64 \(multidict-.*musllinux_1_\d_aarch64\.whl\)/m);
    expect(io.out()).toContain('Build stage apk: none (no compiler needed)');
  });

  it("records projects without wheels as compile, with the knowledge base's build needs, and still resolves the rest", async () => {
    const { code, document } = await explain([req('psycopg2', 'psycopg2'), req('cryptography==3.3.2', 'cryptography', ['==3.3.2'], [], 2), req('requests', 'requests', [], [], 3)]);
    expect(code).toBe(0);
    const found = statuses(document!);
    expect(found).toMatchObject({ psycopg2: 'compile', cryptography: 'compile', requests: 'pure', idna: 'pure', urllib3: 'pure' });
    const crypto = document!.packages.find((item) => item.name === 'cryptography')!;
    expect(crypto.why).toMatch(/no musllinux wheel of cryptography==3\.3\.2 for CPython 3\.12 on x86_64 \(wheels exist up to \d+/);
    // Literal expectations (from Alpine's APKBUILDs for py3-psycopg2 and py3-cryptography), never
    // read back from the knowledge base under test.
    const pick = (name: string) => {
      const decided = document!.packages.find((item) => item.name === name)!;
      return { build: decided.build, runtime: decided.runtime };
    };
    expect(pick('psycopg2')).toEqual({ build: ['build-base', 'libpq-dev'], runtime: ['libpq'] });
    expect(pick('cryptography')).toEqual({ build: ['build-base', 'cargo', 'libffi-dev', 'openssl-dev', 'pkgconf'], runtime: ['libcrypto3', 'libgcc', 'libssl3'] });
    expect(document!.apk.build).toEqual(['build-base', 'cargo', 'libffi-dev', 'libpq-dev', 'openssl-dev', 'pkgconf']);
    // pip cannot tell what cryptography 3.3.2 depends on without building it; the knowledge base's
    // "requires" can (cryptography needs cffi), and the index is then asked about cffi too.
    expect(found.cffi).toBe('wheel');
    expect(document!.packages.find((item) => item.name === 'cffi')!.why).toMatch(/\(required by cryptography\)$/);
  });

  it('finds a transitive project without wheels and names the project that needs it', async () => {
    const { document } = await explain([req('flask-mysqldb', 'flask-mysqldb'), req('requests', 'requests', [], [], 2)]);
    const found = statuses(document!);
    expect(found).toMatchObject({ mysqlclient: 'compile', 'flask-mysqldb': 'pure', flask: 'pure', requests: 'pure' });
    expect(document!.packages.find((item) => item.name === 'mysqlclient')!.why).toMatch(/\(required by flask-mysqldb\)$/);
    expect(document!.packages.find((item) => item.name === 'werkzeug')?.status).toBe('pure'); // flask's own dependencies still resolved
  });

  describe('--write', () => {
    let root = '';
    const config: ProjectConfig = {
      version: 1,
      generator: TOOL_VERSION,
      name: 'demo',
      python: '3.12',
      arches: ['x86_64'],
      app: 'cli',
      port: null,
      requirements: 'requirements.txt',
      buildDeps: { add: [], remove: [] },
      runtimeLibs: { add: [], remove: [] },
    };
    beforeAll(async () => {
      root = await mkdtemp(join(tmpdir(), 'online-write-'));
      await writeFile(join(root, 'slim-python.json'), serializeConfig(config));
    });
    afterAll(async () => rm(root, { recursive: true, force: true }));

    it('records the statuses in slim-python.json for update', async () => {
      const { code, io } = await explain([req('psycopg2', 'psycopg2'), req('aiohttp', 'aiohttp', [], [], 2)], { root, flags: { write: true, json: false } });
      expect(code).toBe(0);
      const path = join(root, 'slim-python.json');
      const written = parseConfig(await readFile(path, 'utf8'), path, TOOL_VERSION);
      expect(written.index).toMatchObject({
        python: '3.12',
        arches: ['x86_64'],
        packages: { psycopg2: 'compile', aiohttp: 'wheel', multidict: 'wheel', 'typing-extensions': 'pure' },
      });
      expect(io.err()).toMatch(/^recorded \d+ projects \(CPython 3\.12, x86_64\) in .*slim-python\.json\n$/);
      expect({ ...written, index: undefined }).toEqual({ ...config, index: undefined });
    });
  });
});

describe('explain --online without the index', { timeout: 300_000 }, () => {
  const unreachable = { PIP_INDEX_URL: 'http://127.0.0.1:9/simple', PIP_RETRIES: '0' };

  it('fails with exit 2 naming the cause and writes nothing', async () => {
    const root = await mkdtemp(join(tmpdir(), 'online-down-'));
    try {
      const text = serializeConfig({
        version: 1,
        generator: TOOL_VERSION,
        name: 'demo',
        python: '3.12',
        arches: ['x86_64'],
        app: 'cli',
        port: null,
        requirements: 'requirements.txt',
        buildDeps: { add: [], remove: [] },
        runtimeLibs: { add: [], remove: [] },
      });
      await writeFile(join(root, 'slim-python.json'), text);
      const error = await explain([req('psycopg2', 'psycopg2')], { root, env: unreachable, flags: { write: true } }).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ name: 'ToolError', exitCode: 2 });
      expect((error as Error).message).toBe('cannot reach the package index (127.0.0.1:9: [Errno 111] Connection refused); check the network or your pip index settings');
      expect(await readFile(join(root, 'slim-python.json'), 'utf8')).toBe(text);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('shows progress on stderr only when interactive', async () => {
    const io = fakeIo(pypiOnlyEnv(unreachable));
    const run = runOnlineExplain({
      io,
      flags: { interactive: true },
      requirements: [req('psycopg2', 'psycopg2')],
      target: { python: '3.12', arch: 'x86_64' },
      root: null,
      runtimeId: '3.12',
      bytecode: true,
    });
    await expect(run).rejects.toMatchObject({ exitCode: 2 });
    expect(io.err()).toMatch(/\| asking the package index with pip \d+\.\d+/);
  });

  it('refuses --write without a project directory before running pip', async () => {
    await expect(explain([req('psycopg2', 'psycopg2')], { flags: { write: true }, env: unreachable })).rejects.toMatchObject({
      name: 'UsageError',
      message: expect.stringMatching(/--write records the result in a project/),
    });
  });

  it('refuses a --pip that does not exist', async () => {
    await expect(explain([req('psycopg2', 'psycopg2')], { flags: { pip: '/nonexistent/pip' } })).rejects.toMatchObject({
      exitCode: 2,
      message: '--pip /nonexistent/pip: no such executable file',
    });
  });

  it('needs no pip when nothing applies', async () => {
    const { code, document } = await explain([], { flags: { pip: '/nonexistent/pip' } });
    expect(code).toBe(0);
    expect(document!.packages).toEqual([]);
  });
});
