/**
 * More cases for the Dockerfile model (src/plan/project-files.ts), each a survivor of the plan
 * group's mutation run (docs/mutation-explained-rel.txt): the package lines the tool itself puts in
 * each stage, the headers package of Alpine's python3 needed by every compiling project, and how
 * the scanelf skip list is packed into `case` lines of at most 88 characters. Decisions are written
 * by hand (no knowledge base), so each expectation follows from the input alone.
 */
import { describe, expect, it, vi } from 'vitest';
import type { ProjectConfig } from '../../src/project/config.ts';
import type { ApkReason, Decisions } from '../../src/knowledge/decisions.ts';
import { buildDockerfileModel } from '../../src/plan/project-files.ts';
import { projectConfig } from '../support/project-config.ts';

const CONFIG: ProjectConfig = projectConfig({ name: 'model-app' });

const decisions = (build: ApkReason[] = [], runtime: ApkReason[] = []): Decisions => ({ packages: [], apk: { build, runtime }, warnings: [], problems: [] });

const tool = (name: string, reason: string) => ({ name, reason, for: [], by: 'tool' });
const CA = tool('ca-certificates', 'the CA certificates (and update-ca-certificates) TLS clients verify servers with');
const TZ = tool('tzdata', 'time zones for zoneinfo and TZ');

describe("the tool's own package lines", () => {
  it("lists Alpine's python3 without its bytecode package in the release stage under --no-bytecode", () => {
    const model = buildDockerfileModel({ ...CONFIG, python: 'alpine', bytecode: false }, decisions(), []);
    expect(model.releaseNotes).toEqual([CA, TZ, tool('python3', "Alpine's own interpreter (no pip, no headers, no tkinter)")]);
  });

  it("lists Alpine's python3 and its bytecode package in the release stage by default", () => {
    const model = buildDockerfileModel({ ...CONFIG, python: 'alpine' }, decisions(), []);
    expect(model.releaseNotes).toEqual([
      CA,
      TZ,
      tool('python3', "Alpine's own interpreter (no pip, no headers, no tkinter)"),
      tool('python3-pyc', "the standard library's bytecode (fast start)"),
    ]);
  });

  it('serves no project with the build tools of a CPython image, then lists what the decisions need', () => {
    const model = buildDockerfileModel(CONFIG, decisions([{ name: 'build-base', for: ['psycopg2'] }], [{ name: 'libpq', for: ['psycopg2'] }]), []);
    expect(model.buildNotes).toEqual([
      tool('binutils', 'strip, for the extension modules'),
      { name: 'build-base', reason: 'compiling psycopg2', for: ['psycopg2'], by: 'decisions' },
    ]);
    expect(model.releaseNotes).toEqual([CA, TZ, { name: 'libpq', reason: 'loaded by psycopg2', for: ['psycopg2'], by: 'decisions' }]);
  });
});

describe("python3-dev on Alpine's python3", () => {
  it('is needed by every compiling project, listed once each and sorted', () => {
    const build = [
      { name: 'cargo', for: ['zeta'] },
      { name: 'gcc', for: ['alpha', 'zeta'] },
    ];
    const model = buildDockerfileModel({ ...CONFIG, python: 'alpine' }, decisions(build), []);
    expect(model.buildDeps).toEqual([
      { name: 'cargo', reason: 'compiling zeta', for: ['zeta'], by: 'decisions' },
      { name: 'gcc', reason: 'compiling alpha, zeta', for: ['alpha', 'zeta'], by: 'decisions' },
      { name: 'python3-dev', reason: 'compiling alpha, zeta', for: ['alpha', 'zeta'], by: 'decisions' },
    ]);
  });
});

describe("the scanelf step's skip list", () => {
  it('packs the patterns into lines of at most 88 characters, a line filled to exactly 88 included', async () => {
    // 85 + 80 + 9 characters: "''|" + the first makes 88 (still fits), the second starts a line,
    // and the third (80 + 1 + 9 = 90) starts another.
    const first = `lib${'a'.repeat(77)}.so.1`;
    const second = `lib${'b'.repeat(72)}.so.1`;
    const third = 'libz.so.1';
    expect([first.length, second.length, third.length]).toEqual([85, 80, 9]);
    vi.resetModules();
    vi.doMock('../../src/knowledge/stage-facts.ts', async (original) => ({
      ...(await original<typeof import('../../src/knowledge/stage-facts.ts')>()),
      imageLibraryPatterns: () => [first, second, third],
    }));
    try {
      const fresh = await import('../../src/plan/project-files.ts');
      expect(fresh.buildDockerfileModel(CONFIG, decisions(), []).baseLibPatterns).toEqual([`''|${first}`, second, third]);
    } finally {
      vi.doUnmock('../../src/knowledge/stage-facts.ts');
      vi.resetModules();
    }
  });
});
