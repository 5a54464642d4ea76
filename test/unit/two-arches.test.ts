/**
 * A project built for two architectures (the default: aarch64 and x86_64): a requirement whose
 * marker holds on either architecture is installed in that image, so its Alpine needs count; a
 * wheel missing on either architecture means compiling. Expectations are literal.
 */
import { describe, expect, it } from 'vitest';
import type { ProjectConfig } from '../../src/project/config.ts';
import { decideForConfig } from '../../src/knowledge/pipeline.ts';
import { applicableRequirements } from '../../src/knowledge/applicable.ts';
import { requirementsFromLines } from '../../src/project/requirements.ts';
import { projectConfig } from '../support/project-config.ts';

const names = (lines: string[], arches: ProjectConfig['arches']) => applicableRequirements(requirementsFromLines(lines).requirements, '3.12', arches).map((r) => r.name);

const CONFIG: ProjectConfig = projectConfig({ name: 'two' });

const LINES = [
  'psycopg2; platform_machine == "aarch64"',
  'mysqlclient; platform_machine == "x86_64"',
  'pywin32; sys_platform == "win32"',
  'uvloop; platform_machine != "aarch64" and platform_machine != "x86_64"',
];

describe('markers on a two-architecture project', () => {
  it('keeps a requirement whose marker holds on any of the architectures, in either order', () => {
    expect(names(LINES, ['aarch64', 'x86_64'])).toEqual(['psycopg2', 'mysqlclient']);
    expect(names(LINES, ['x86_64', 'aarch64'])).toEqual(['psycopg2', 'mysqlclient']);
  });

  it('keeps only what holds on a single architecture', () => {
    expect(names(LINES, ['x86_64'])).toEqual(['mysqlclient']);
    expect(names(LINES, ['aarch64'])).toEqual(['psycopg2']);
  });

  it('the build stage gets the headers of both architecture-only requirements', () => {
    const decisions = decideForConfig(CONFIG, requirementsFromLines(LINES).requirements);
    expect(decisions.packages.map((p) => [p.name, p.status])).toEqual([
      ['mysqlclient', 'compile'],
      ['psycopg2', 'compile'],
    ]);
    expect(decisions.apk.build).toEqual([
      { name: 'build-base', for: ['mysqlclient', 'psycopg2'] },
      { name: 'libpq-dev', for: ['psycopg2'] },
      { name: 'mariadb-connector-c-dev', for: ['mysqlclient'] },
      { name: 'pkgconf', for: ['mysqlclient'] },
    ]);
    expect(decisions.apk.runtime).toEqual([
      { name: 'libpq', for: ['psycopg2'] },
      { name: 'mariadb-connector-c', for: ['mysqlclient'] },
    ]);
  });

  it('a wheel on one architecture only still compiles for the other', () => {
    // pyzmq's first musllinux wheels for CPython 3.10: 22.3.0 for x86_64, 23.2.1 for aarch64 (knowledge base
    // byPython, from PyPI); on CPython 3.12 both start at 25.1.1, so the test pins the Python version.
    const pinned = requirementsFromLines(['pyzmq==22.3.0']).requirements;
    const one = decideForConfig({ ...CONFIG, python: '3.10', arches: ['x86_64'] }, pinned);
    const both = decideForConfig({ ...CONFIG, python: '3.10' }, pinned);
    const swapped = decideForConfig({ ...CONFIG, python: '3.10', arches: ['x86_64', 'aarch64'] }, pinned);
    expect([one.packages[0]!.status, both.packages[0]!.status, swapped.packages[0]!.status]).toEqual(['wheel', 'compile', 'compile']);
    expect(swapped.apk.build.map((apk) => apk.name)).toEqual(['build-base', 'cmake', 'zeromq-dev']);
    expect(both.packages[0]!.why).toBe('==22.3.0 selects a release older than 23.2.1, the first with a musllinux wheel for CPython 3.10 on aarch64');
  });
});
