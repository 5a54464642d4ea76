/**
 * The online resolution with a stand-in pip (fixtures/fake-pip.py) that prints what real pip
 * prints: every project is asked about with --no-deps in batches, a project without a wheel is
 * taken out of its batch and asked about alone with -vv (compile when an sdist fits, unavailable
 * when none does), dependencies are followed from Requires-Dist with markers evaluated for the
 * target, and each project is attributed to the one that required it.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findPip } from '../../src/online/find-pip.ts';
import { resolveOnline, type PipLine } from '../../src/online/resolve-online.ts';

const FAKE_PIP = fileURLToPath(new URL('./fixtures/fake-pip.py', import.meta.url));

const INDEX = {
  app: { file: 'app-1.0-py3-none-any.whl', requires: ['mid'] },
  mid: { file: 'mid-1.0-py3-none-any.whl', requires: ['leaf>=1', 'other', 'extra-dep; extra == "x"', 'winonly; sys_platform == "win32"', 'new; python_version >= "3.12"'] },
  leaf: { file: null, requires: [], sdist: true },
  other: { file: 'other-1.0-cp312-cp312-musllinux_1_2_x86_64.whl', requires: [] },
  'extra-dep': { file: 'extra_dep-1.0-py3-none-any.whl', requires: [] },
  winonly: { file: 'winonly-1.0-py3-none-any.whl', requires: [] },
  new: { file: 'new-1.0-py3-none-any.whl', requires: [] },
  top2: { file: 'top2-1.0-cp312-abi3-musllinux_1_1_x86_64.whl', requires: [] },
  helper: { file: 'helper-1.0-py3-none-any.whl', requires: [] },
  psycopg2: { file: null, requires: [], sdist: true },
  mlwheel: { file: null, requires: [] },
};

function line(name: string, extras: string[] = []): PipLine {
  return { text: extras.length > 0 ? `${name}[${extras.join(',')}]` : name, name, extras, via: null };
}

describe('online resolution (stand-in pip)', () => {
  let dir = '';
  let env: Record<string, string | undefined> = {};
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'fake-pip-'));
    env = { PATH: process.env.PATH, FAKE_PIP_INDEX: JSON.stringify(INDEX), FAKE_PIP_LOG: join(dir, 'log') };
  });
  afterEach(async () => rm(dir, { recursive: true, force: true }));

  async function calls(): Promise<string[][]> {
    return (await readFile(join(dir, 'log'), 'utf8'))
      .trim()
      .split('\n')
      .map((entry) => JSON.parse(entry) as string[]);
  }

  it('asks every project alone (--no-deps), follows dependencies for the target, and separates compile from cannot-install', async () => {
    const pip = await findPip(FAKE_PIP, env, dir);
    expect(pip).toMatchObject({ version: '26.3', python: '3.12' });
    const rounds: number[] = [];
    const result = await resolveOnline(pip, [line('app'), line('top2'), line('psycopg2'), line('mlwheel')], { python: '3.12', arch: 'x86_64' }, env, {
      onRound: (round) => rounds.push(round),
      requiresOf: (name) => (name === 'psycopg2' ? ['helper'] : []),
    });
    const dists = Object.fromEntries(result.dists.map((dist) => [dist.name, [dist.status, dist.via]]));
    // winonly's marker is false on Linux; extra-dep needs mid[x]; new's marker holds on 3.12.
    expect(dists).toEqual({ app: ['pure', null], top2: ['wheel', null], mid: ['pure', 'app'], helper: ['pure', 'psycopg2'], other: ['wheel', 'mid'], new: ['pure', 'mid'] });
    expect(result.blocked.map((item) => [item.name, item.requirement, item.via, item.reason])).toEqual([
      ['psycopg2', 'psycopg2', null, 'compile'],
      ['mlwheel', 'mlwheel', null, 'unavailable'],
      ['leaf', 'leaf>=1', 'mid', 'compile'],
    ]);
    expect(rounds).toEqual([1]); // no rounds: each answer adds its dependencies at once
    expect(result.environment).toMatchObject({ python_version: '3.12', platform_machine: 'x86_64', sys_platform: 'linux' });
    const log = await calls();
    const installs = log.filter((args) => args[0] === 'install');
    expect(installs.every((args) => args.includes('--no-deps'))).toBe(true);
    expect(installs.some((args) => args.includes('--ignore-requires-python'))).toBe(false); // pip runs on the target's Python
    // The three projects without a wheel were each asked about alone with -vv.
    expect(installs.filter((args) => args.includes('-vv'))).toHaveLength(3);
  });

  it('follows the dependencies an extra adds, also when the project was reached before without it', async () => {
    const pip = await findPip(FAKE_PIP, env, dir);
    const result = await resolveOnline(pip, [line('mid'), line('app'), line('mid', ['x'])], { python: '3.12', arch: 'x86_64' }, env);
    expect(result.dists.map((dist) => dist.name).sort()).toEqual(['app', 'extra-dep', 'mid', 'new', 'other']);
    expect(result.blocked.map((item) => item.name)).toEqual(['leaf']);
  });

  it('asks a complete set (a lock) as it is, following no dependency', async () => {
    const pip = await findPip(FAKE_PIP, env, dir);
    const result = await resolveOnline(pip, [line('app'), line('leaf')], { python: '3.12', arch: 'x86_64' }, env, { complete: true });
    expect(result.dists.map((dist) => dist.name)).toEqual(['app']);
    expect(result.blocked.map((item) => [item.name, item.reason])).toEqual([['leaf', 'compile']]);
  });

  it('lets pip skip its own Requires-Python check when it runs on another Python than the target', async () => {
    const pip = await findPip(FAKE_PIP, env, dir);
    await resolveOnline(pip, [line('top2')], { python: '3.13', arch: 'x86_64' }, env);
    const installs = (await calls()).filter((args) => args[0] === 'install');
    expect(installs.every((args) => args.includes('--ignore-requires-python'))).toBe(true);
  });
});
