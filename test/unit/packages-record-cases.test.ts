/**
 * The record of the Dockerfile's package lists (`.slim-python/generated/packages.json`,
 * src/plan/packages-record.ts): written as deterministic JSON (keys sorted, each package's projects
 * sorted, one trailing newline), read back into the two stage maps, and refused with a named
 * problem when it is not that shape (update turns the problem into a usage error telling the user
 * to delete the file). Every expectation is written out by hand from the record's documented shape.
 */
import { describe, expect, it } from 'vitest';
import { parsePackagesRecord, serializePackagesRecord } from '../../src/plan/packages-record.ts';
import type { ApkLine } from '../../src/plan/apk-sets.ts';
import { messageOf } from '../support/errors.ts';

const line = (name: string, ...projects: string[]): ApkLine => ({ name, reason: 'compiling', for: projects, by: 'decisions' });

/** The problem parsePackagesRecord reports for a text (it must report one). */
function problemOf(text: string): string {
  return messageOf(() =>
    parsePackagesRecord(text, (problem) => {
      throw new Error(problem);
    }),
  );
}

const refuse = (problem: string): never => {
  throw new Error(`unexpected problem: ${problem}`);
};

describe('serializePackagesRecord', () => {
  it('sorts the packages by name and the projects of each, whatever order the stage lists them in', () => {
    const text = serializePackagesRecord({
      build: [line('musl-dev', 'psycopg2'), line('cargo', 'pydantic-core', 'cryptography'), line('gcc', 'psycopg2', 'cryptography'), line('binutils')],
      runtime: [line('tzdata'), line('libpq', 'psycopg2'), line('ca-certificates')],
    });
    expect(text).toBe(
      [
        '{',
        '  "build": {',
        '    "binutils": [],',
        '    "cargo": [',
        '      "cryptography",',
        '      "pydantic-core"',
        '    ],',
        '    "gcc": [',
        '      "cryptography",',
        '      "psycopg2"',
        '    ],',
        '    "musl-dev": [',
        '      "psycopg2"',
        '    ]',
        '  },',
        '  "runtime": {',
        '    "ca-certificates": [],',
        '    "libpq": [',
        '      "psycopg2"',
        '    ],',
        '    "tzdata": []',
        '  }',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('keeps a stage listed in name order as it is', () => {
    const text = serializePackagesRecord({ build: [line('cargo'), line('gcc'), line('musl-dev')], runtime: [] });
    expect(Object.keys(JSON.parse(text).build)).toEqual(['cargo', 'gcc', 'musl-dev']);
  });

  it('leaves the lines it was given unchanged', () => {
    const build = [line('gcc', 'zeta', 'alpha'), line('cargo', 'zeta')];
    serializePackagesRecord({ build, runtime: [] });
    expect(build).toEqual([line('gcc', 'zeta', 'alpha'), line('cargo', 'zeta')]);
  });
});

describe('parsePackagesRecord', () => {
  it('reads no record as null: a project generated before records were kept', () => {
    expect(parsePackagesRecord(null, refuse)).toBeNull();
  });

  it('reads both stages back, each package with its projects', () => {
    const snapshot = parsePackagesRecord('{"build": {"gcc": ["cryptography", "psycopg2"], "binutils": []}, "runtime": {"libpq": ["psycopg2"]}}\n', refuse);
    expect(snapshot).toEqual({
      build: new Map([
        ['gcc', ['cryptography', 'psycopg2']],
        ['binutils', []],
      ]),
      runtime: new Map([['libpq', ['psycopg2']]]),
    });
  });

  it('reads empty stages as empty maps', () => {
    expect(parsePackagesRecord('{"build": {}, "runtime": {}}', refuse)).toEqual({ build: new Map(), runtime: new Map() });
  });

  it('names the problem of a text that is no JSON', () => {
    expect(problemOf('{"build": {')).toBe('is not valid JSON');
    expect(problemOf('')).toBe('is not valid JSON');
  });

  it('names the stage whose table is missing or is not a table', () => {
    expect(problemOf('null')).toBe('has no "build" table');
    expect(problemOf('{}')).toBe('has no "build" table');
    expect(problemOf('{"build": null, "runtime": {}}')).toBe('has no "build" table');
    expect(problemOf('{"build": ["gcc"], "runtime": {}}')).toBe('has no "build" table');
    expect(problemOf('{"build": "gcc", "runtime": {}}')).toBe('has no "build" table');
    expect(problemOf('{"build": {}, "runtime": []}')).toBe('has no "runtime" table');
    expect(problemOf('{"build": {}}')).toBe('has no "runtime" table');
  });

  it('names the package whose projects are not a list of names', () => {
    expect(problemOf('{"build": {"gcc": "psycopg2"}, "runtime": {}}')).toBe('lists "gcc" with something other than project names');
    expect(problemOf('{"build": {"gcc": ["psycopg2", 3]}, "runtime": {}}')).toBe('lists "gcc" with something other than project names');
    expect(problemOf('{"build": {}, "runtime": {"libpq": [null]}}')).toBe('lists "libpq" with something other than project names');
    expect(problemOf('{"build": {}, "runtime": {"libpq": {"psycopg2": true}}}')).toBe('lists "libpq" with something other than project names');
  });
});
