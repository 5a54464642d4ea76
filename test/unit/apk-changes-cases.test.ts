/**
 * update's package summary (src/plan/apk-changes.ts) in-process: the package lists read back from
 * the comments of a Dockerfile generated before the packages record existed, and the sentences
 * that say what was added or removed and why. The legacy reader's line pattern is a module-level
 * regex, so each of its tests imports the module afresh (`vi.resetModules()`): a mutant of the
 * pattern is built while it is on. The Dockerfile texts follow the generated comments (golden case
 * compile-databases: `#   name: compiling a, b` under the build stage, `#   name: loaded by a`
 * under the release stage); every expectation is written out by hand.
 */
import { describe, expect, it, vi } from 'vitest';
import type { ApkLine } from '../../src/plan/apk-sets.ts';
import type { Decisions, PackageDecision, Status } from '../../src/knowledge/decisions.ts';

async function fresh() {
  vi.resetModules();
  return import('../../src/plan/apk-changes.ts');
}

/** A snapshot as plain entry lists, in the order the reader met them. */
async function read(dockerfile: string | null) {
  const { readLegacyApkSnapshot } = await fresh();
  const snapshot = readLegacyApkSnapshot(dockerfile);
  return { build: [...snapshot.build], runtime: [...snapshot.runtime] };
}

const GENERATED = [
  '# syntax=docker/dockerfile:1',
  'ARG ALPINE_VERSION=3.22',
  '#   early: compiling nothing-yet',
  'FROM python:3.13-alpine${ALPINE_VERSION} AS build',
  '# Packages:',
  '#   binutils: strip, for the extension modules',
  '#   build-base: compiling mysqlclient, psycopg2',
  '#   libpq-dev: compiling psycopg2',
  '# hadolint ignore=DL3018',
  'RUN apk add --no-cache binutils build-base libpq-dev',
  '',
  'FROM alpine:${ALPINE_VERSION} AS release',
  '# Packages: the so: names scanelf found in the build stage, and:',
  '#   ca-certificates: the CA certificates (and update-ca-certificates) TLS clients verify servers with',
  '#   libpq: loaded by psycopg2',
  '#   mariadb-connector-c: loaded by mysqlclient',
  'COPY --from=build /opt/venv /opt/venv',
  '',
].join('\n');

describe('readLegacyApkSnapshot: the package lists of an old generated Dockerfile', () => {
  it('reads each `#   name: reason` line under its stage, with the projects of its reason', async () => {
    expect(await read(GENERATED)).toEqual({
      build: [
        ['binutils', []],
        ['build-base', ['mysqlclient', 'psycopg2']],
        ['libpq-dev', ['psycopg2']],
      ],
      runtime: [
        ['ca-certificates', []],
        ['libpq', ['psycopg2']],
        ['mariadb-connector-c', ['mysqlclient']],
      ],
    });
  });

  it('no Dockerfile: both lists empty', async () => {
    expect(await read(null)).toEqual({ build: [], runtime: [] });
    expect(await read('')).toEqual({ build: [], runtime: [] });
  });

  it('only the stages named build and release count; other stages and lines before any stage are skipped', async () => {
    const dockerfile = [
      'FROM alpine:3.22 AS builder',
      '#   git: compiling tools',
      'FROM alpine:3.22 AS release-notes',
      '#   pandoc: loaded by docs',
      'FROM python:3.13-alpine3.22 AS build',
      '#   cargo: compiling cryptography',
      'FROM alpine:3.22 AS release',
      '#   libffi: loaded by cffi',
      '',
    ].join('\n');
    expect(await read(dockerfile)).toEqual({ build: [['cargo', ['cryptography']]], runtime: [['libffi', ['cffi']]] });
  });

  it('a stage starts at a FROM line only, not at a comment that ends like one', async () => {
    const dockerfile = [
      'FROM python:3.13-alpine3.22 AS build',
      '# the next stage copies from this one, known as release',
      '#   cargo: compiling cryptography',
      'FROM alpine:3.22 AS release',
      '# its files come from the stage named as build',
      '#   libffi: loaded by cffi',
      '',
    ].join('\n');
    expect(await read(dockerfile)).toEqual({ build: [['cargo', ['cryptography']]], runtime: [['libffi', ['cffi']]] });
  });

  it('stage names are matched without regard to case (Dockerfile keywords are case-insensitive)', async () => {
    const dockerfile = ['from python:3.13-alpine3.22 as BUILD', '#   cargo: compiling cryptography', 'from alpine:3.22 as Release', '#   libffi: loaded by cffi'].join('\n');
    expect(await read(dockerfile)).toEqual({ build: [['cargo', ['cryptography']]], runtime: [['libffi', ['cffi']]] });
  });

  it('a package line is `#`, three spaces, a lowercase name, `: ` and the reason, the whole line', async () => {
    const dockerfile = [
      'FROM python:3.13-alpine3.22 AS build',
      '# note: one space is an ordinary comment',
      '#    four: spaces are one too many',
      '##   doubled: hash is a commented-out line',
      'RUN true #   inline: comment after an instruction',
      '#   -dash: a name starts with a letter or digit',
      '#   Upper: names are lowercase',
      '#   carriage: compiling return\r',
      '#   py3-pip: the pip of Alpine',
      '#   7zip: loaded by archive',
      '#   g++: compiling greenlet',
      '#   a: b',
      '',
    ].join('\n');
    expect(await read(dockerfile)).toEqual({
      build: [
        ['py3-pip', []],
        ['7zip', ['archive']],
        ['g++', ['greenlet']],
        ['a', []],
      ],
      runtime: [],
    });
  });

  it('the projects are read from a reason that starts with "compiling " or "loaded by " only', async () => {
    const dockerfile = [
      'FROM python:3.13-alpine3.22 AS build',
      '#   pkgconf: needed when compiling mysqlclient',
      '#   gcc: compiling ab, cd',
      'FROM alpine:3.22 AS release',
      '#   zlib: also loaded by pillow',
      '#   libjpeg-turbo: loaded by pillow',
    ].join('\n');
    expect(await read(dockerfile)).toEqual({
      build: [
        ['pkgconf', []],
        ['gcc', ['ab', 'cd']],
      ],
      runtime: [
        ['zlib', []],
        ['libjpeg-turbo', ['pillow']],
      ],
    });
  });
});

function decision(name: string, status: Status): PackageDecision {
  return { name, status, why: '', build: [], runtime: [], sources: [], via: null };
}

function decisionsOf(packages: PackageDecision[]): Decisions {
  return { packages, apk: { build: [], runtime: [] }, warnings: [], problems: [] };
}

const line = (name: string, reason: string, projects: string[], by: ApkLine['by']): ApkLine => ({ name, reason, for: projects, by });
const snapshot = (build: [string, string[]][], runtime: [string, string[]][]) => ({ build: new Map(build), runtime: new Map(runtime) });

describe('describeApkChanges: what was added and removed, and why', () => {
  it('an added package names the projects that need it, or says it is yours, or gives the tool reason', async () => {
    const { describeApkChanges } = await fresh();
    const after = {
      build: [
        line('binutils', 'strip, for the extension modules', [], 'tool'),
        line('build-base', 'compiling mysqlclient, psycopg2', ['mysqlclient', 'psycopg2'], 'decisions'),
        line('git', 'added by you (slim-python.json)', [], 'you'),
        line('libpq-dev', 'compiling psycopg2', ['psycopg2'], 'decisions'),
      ],
      runtime: [
        line('ca-certificates', 'the CA certificates', [], 'tool'),
        line('libpq', 'loaded by psycopg2', ['psycopg2'], 'decisions'),
        line('tini', 'added by you (slim-python.json)', [], 'you'),
      ],
    };
    const before = snapshot([['binutils', []]], [['ca-certificates', []]]);
    expect(describeApkChanges(before, after, decisionsOf([]), { build: [], runtime: [] })).toEqual([
      'added build-base (build) because mysqlclient, psycopg2 must compile',
      'added git (build) because you added it',
      'added libpq-dev (build) because psycopg2 must compile',
      'added libpq (runtime) because psycopg2 needs it at run time',
      'added tini (runtime) because you added it',
    ]);
    const fromNothing = describeApkChanges(snapshot([], []), after, decisionsOf([]));
    expect(fromNothing[0]).toBe('added binutils (build): strip, for the extension modules');
    expect(fromNothing[4]).toBe('added ca-certificates (runtime): the CA certificates');
  });

  it('a removed package says what became of the projects it served, or that you removed it', async () => {
    const { describeApkChanges } = await fresh();
    const decisions = decisionsOf([decision('aiohttp', 'compile'), decision('cryptography', 'wheel'), decision('pyyaml', 'pure'), decision('psycopg2', 'compile')]);
    const before = snapshot(
      [
        ['binutils', []],
        ['cargo', ['cryptography']],
        ['build-base', ['cryptography', 'mysqlclient']],
        ['libpq-dev', ['psycopg2']],
        ['yaml-dev', ['pyyaml']],
        ['git', []],
      ],
      [
        ['libpq', ['psycopg2']],
        ['tzdata', []],
      ],
    );
    const after = { build: [line('binutils', 'strip, for the extension modules', [], 'tool')], runtime: [line('tzdata', 'time zones', [], 'tool')] };
    expect(describeApkChanges(before, after, decisions, { build: [], runtime: ['libpq'] })).toEqual([
      'removed cargo (build) because cryptography now installs from a wheel',
      'removed build-base (build) because cryptography now installs from a wheel and mysqlclient is no longer required',
      'removed libpq-dev (build) because psycopg2 no longer needs it',
      'removed yaml-dev (build) because pyyaml is pure Python',
      'removed git (build) because you removed it',
      'removed libpq (runtime) because you removed it (slim-python.json)',
    ]);
  });

  it('without the removals of the config (the default), nothing is said to be removed in slim-python.json', async () => {
    const { describeApkChanges } = await fresh();
    const before = snapshot([['git', []]], [['libpq', ['psycopg2']]]);
    expect(describeApkChanges(before, { build: [], runtime: [] }, decisionsOf([]))).toEqual([
      'removed git (build) because you removed it',
      'removed libpq (runtime) because psycopg2 is no longer required',
    ]);
  });

  it('nothing changed: no sentence', async () => {
    const { describeApkChanges } = await fresh();
    const before = snapshot([['cargo', ['cryptography']]], [['libffi', ['cffi']]]);
    const after = { build: [line('cargo', 'compiling cryptography', ['cryptography'], 'decisions')], runtime: [line('libffi', 'loaded by cffi', ['cffi'], 'decisions')] };
    expect(describeApkChanges(before, after, decisionsOf([decision('cryptography', 'compile')]), { build: [], runtime: [] })).toEqual([]);
  });
});
