/**
 * The plopfile's generators, run through node-plop itself. Expectations are independent of the
 * planner they call: the Dockerfile and .dockerignore are the reviewed golden files of the
 * plop-parity case, the config and requirements are literal, and the app skeleton must be the
 * very bytes the built CLI writes for the same answers (the parity users rely on).
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import nodePlop from 'node-plop';
import { describe, expect, it } from 'vitest';
import type { ProjectConfig } from '../../src/project/config.ts';
import plopfile from '../../plopfile.ts';
import { runCli } from '../support/cli.ts';

const GOLDEN = fileURLToPath(new URL('../golden/cases/plop-parity/', import.meta.url));
const golden = (name: string) => readFileSync(join(GOLDEN, name), 'utf8');

const CONFIG: ProjectConfig = {
  version: 1,
  generator: '0.1.0',
  name: 'plop-app',
  python: '3.12',
  arches: ['aarch64', 'x86_64'],
  app: 'web',
  port: 8080,
  requirements: 'requirements.txt',
  buildDeps: { add: [], remove: [] },
  runtimeLibs: { add: [], remove: [] },
};
const REQUIREMENTS = ['cryptography', 'aiohttp', 'psycopg2'];

async function generate(which: 'project' | 'dockerfile'): Promise<string> {
  const dest = mkdtempSync(join(tmpdir(), 'csp-plop-'));
  const plop = await nodePlop(undefined, { destBasePath: dest, force: false });
  plopfile(plop);
  const result = await plop.getGenerator(which).runActions({ config: CONFIG, requirements: REQUIREMENTS });
  expect(result.failures).toEqual([]);
  return dest;
}

const tree = (dir: string) =>
  (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();

describe('plopfile through node-plop', () => {
  it("the project generator writes the golden Dockerfile, the literal config, and the CLI's app skeleton", async () => {
    const dest = await generate('project');
    expect(tree(dest)).toEqual([
      '.dockerignore',
      '.gitignore',
      '.slim-python/generated/.dockerignore',
      '.slim-python/generated/Dockerfile',
      '.slim-python/generated/packages.json',
      'Dockerfile',
      'README.md',
      'plop_app/__init__.py',
      'plop_app/__main__.py',
      'plop_app/app.py',
      'requirements.txt',
      'slim-python.json',
    ]);
    const read = (path: string) => readFileSync(join(dest, path), 'utf8');
    expect(read('Dockerfile')).toBe(golden('Dockerfile'));
    expect(read('.dockerignore')).toBe(golden('dockerignore'));
    expect(read('.slim-python/generated/Dockerfile')).toBe(golden('Dockerfile'));
    expect(read('.slim-python/generated/.dockerignore')).toBe(golden('dockerignore'));
    expect(read('requirements.txt')).toBe('cryptography\naiohttp\npsycopg2\n');
    expect(JSON.parse(read('slim-python.json'))).toEqual(CONFIG);

    // The built CLI, given the same answers, writes the same bytes everywhere (its config records
    // the tool's own version, which the plop answers fix at 0.1.0).
    const work = mkdtempSync(join(tmpdir(), 'csp-plop-cli-'));
    const cli = await runCli(['plop-app', '--yes', '--python', '3.12', ...REQUIREMENTS.flatMap((r) => ['--requirement', r])], { cwd: work });
    expect(cli.exitCode).toBe(0);
    const made = join(work, 'plop-app');
    expect(tree(made)).toEqual(tree(dest));
    for (const path of tree(dest).filter((p) => p !== 'slim-python.json')) {
      expect(readFileSync(join(made, path), 'utf8'), path).toBe(read(path));
    }
  });

  it('the dockerfile generator writes only the two managed files, as the golden files', async () => {
    const dest = await generate('dockerfile');
    expect(tree(dest)).toEqual(['.dockerignore', 'Dockerfile']);
    expect(readFileSync(join(dest, 'Dockerfile'), 'utf8')).toBe(golden('Dockerfile'));
    expect(readFileSync(join(dest, '.dockerignore'), 'utf8')).toBe(golden('dockerignore'));
  });

  it('the dockerfile generator honours what update honours: an index record and included files', async () => {
    // A project made by the CLI, whose requirements include a second file and whose config holds
    // what `explain --online --write` recorded (psycopg2 from a wheel): update regenerates it.
    const work = mkdtempSync(join(tmpdir(), 'csp-plop-update-'));
    const made = await runCli(['plop-app', '--yes', '--python', '3.12', '--requirement', 'cryptography'], { cwd: work });
    expect(made.exitCode).toBe(0);
    const root = join(work, 'plop-app');
    writeFileSync(join(root, 'requirements.txt'), 'cryptography\n-r extra.txt\n');
    writeFileSync(join(root, 'extra.txt'), 'psycopg2\n');
    const stored = JSON.parse(readFileSync(join(root, 'slim-python.json'), 'utf8')) as ProjectConfig;
    const config: ProjectConfig = { ...stored, index: { python: '3.12', arches: ['aarch64', 'x86_64'], packages: { psycopg2: 'wheel' } } };
    writeFileSync(join(root, 'slim-python.json'), `${JSON.stringify(config, null, 2)}\n`);
    const updated = await runCli(['update', root], { cwd: work });
    expect(updated.exitCode).toBe(0);
    const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
    // Literal facts first: the include is copied, and the recorded wheel needs no libpq headers.
    expect(dockerfile).toContain('COPY extra.txt /tmp/requirements/extra.txt');
    expect(dockerfile).not.toContain('libpq-dev');

    const dest = mkdtempSync(join(tmpdir(), 'csp-plop-'));
    const plop = await nodePlop(undefined, { destBasePath: dest, force: false });
    plopfile(plop);
    const result = await plop.getGenerator('dockerfile').runActions({ config, requirements: ['cryptography', 'psycopg2'], includes: ['extra.txt'] });
    expect(result.failures).toEqual([]);
    expect(readFileSync(join(dest, 'Dockerfile'), 'utf8')).toBe(dockerfile);
  });

  it('renderString does not HTML-escape', async () => {
    const plop = await nodePlop(undefined, { destBasePath: tmpdir(), force: false });
    plopfile(plop);
    expect(plop.renderString('{{x}}', { x: 'a="b" & <c>' })).toBe('a="b" & <c>');
  });
});
