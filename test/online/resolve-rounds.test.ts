/**
 * The resolution rounds of `explain --online` with a stand-in pip (fixtures/fake-pip.py) that
 * prints what real pip prints: projects without wheels deep in the dependency tree are found,
 * the rest is still resolved, and each project is attributed to the one that required it.
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
  mid: { file: 'mid-1.0-py3-none-any.whl', requires: ['leaf>=1', 'other', 'extra-dep; extra == "x"'] },
  leaf: { file: null, requires: [] },
  other: { file: 'other-1.0-cp312-cp312-musllinux_1_2_x86_64.whl', requires: [] },
  'extra-dep': { file: 'extra_dep-1.0-py3-none-any.whl', requires: [] },
  top2: { file: 'top2-1.0-cp312-abi3-musllinux_1_1_x86_64.whl', requires: [] },
  helper: { file: 'helper-1.0-py3-none-any.whl', requires: [] },
};

function line(name: string): PipLine {
  return { text: name, name, extras: [], via: null };
}

describe('resolution rounds (stand-in pip)', () => {
  let dir = '';
  let env: Record<string, string | undefined> = {};
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'fake-pip-'));
    env = { PATH: process.env.PATH, FAKE_PIP_INDEX: JSON.stringify(INDEX), FAKE_PIP_LOG: join(dir, 'log') };
  });
  afterEach(async () => rm(dir, { recursive: true, force: true }));

  async function calls(): Promise<string[][]> {
    return (await readFile(join(dir, 'log'), 'utf8')).trim().split('\n').map((entry) => JSON.parse(entry) as string[]);
  }

  it('finds a project without wheels two levels down, unrolls its ancestors and resolves the rest', async () => {
    const pip = await findPip(FAKE_PIP, env, dir);
    expect(pip.version).toBe('26.3');
    const rounds: number[] = [];
    const result = await resolveOnline(pip, [line('app'), line('top2'), line('psycopg2')], { python: '3.12', arch: 'x86_64' }, env, {
      onRound: (round) => rounds.push(round),
      requiresOf: (name) => (name === 'psycopg2' ? ['helper'] : []),
    });
    const dists = Object.fromEntries(result.dists.map((dist) => [dist.name, [dist.status, dist.via]]));
    expect(dists).toEqual({
      other: ['wheel', 'mid'],
      top2: ['wheel', null],
      helper: ['pure', 'psycopg2'],
      app: ['pure', null],
      mid: ['pure', 'app'],
    });
    expect(result.blocked.map((item) => [item.name, item.requirement, item.via, item.reason])).toEqual([
      ['leaf', 'leaf>=1', 'mid', 'compile'],
      ['psycopg2', 'psycopg2', null, 'compile'],
    ]);
    expect(rounds).toEqual([1, 2, 3, 4]);
    const log = await calls();
    // --version; 4 resolutions; leaf and psycopg2 probed once each with -vv; app and mid unrolled with --no-deps.
    expect(log.filter((args) => args.includes('-vv')).map((args) => args.at(-1))).toHaveLength(2);
    expect(log.filter((args) => args.includes('--no-deps') && !args.includes('-vv'))).toHaveLength(2);
    expect(log).toHaveLength(1 + 4 + 2 + 2);
  });

  it('stops without running pip when every requirement must compile', async () => {
    const pip = await findPip(FAKE_PIP, env, dir);
    const result = await resolveOnline(pip, [line('leaf')], { python: '3.12', arch: 'x86_64' }, env);
    expect(result).toEqual({ dists: [], blocked: [{ name: 'leaf', requirement: 'leaf', via: null, versions: [], reason: 'compile' }], environment: null });
  });
});
