/**
 * The one decision pipeline (src/knowledge/pipeline.ts) passes on everything a project's config
 * and requirements files say: `--no-binary` from the files, the index record `explain --online
 * --write` stored, and, for explain --online, what pip resolved. A hand-written knowledge base with
 * one entry that has a musllinux wheel; every expected status, set and text is written out.
 */
import { describe, expect, it } from 'vitest';
import type { Knowledge } from '../../src/knowledge/decisions.ts';
import { decideForConfig, decideFromIndex, targetOfConfig } from '../../src/knowledge/pipeline.ts';
import type { KnowledgeEntry } from '../../src/knowledge/schema.ts';
import { formatControlOf } from '../../src/requirements/format-control.ts';
import { parseRequirementString } from '../../src/requirements/pep508.ts';

const WHEELY: KnowledgeEntry = {
  kind: 'native',
  build: ['build-base', 'yaml-dev'],
  runtime: ['yaml'],
  dlopen: [],
  requires: [],
  musllinux: { since: { x86_64: '1.0' }, latest: '2.0', python: ['3.12'] },
  sources: [{ fact: 'wheels', ref: 'pypi:wheely/2.0' }],
};
const KNOWLEDGE: Knowledge = { packages: new Map([['wheely', WHEELY]]) };
const CONFIG = { python: '3.12', arches: ['x86_64' as const] };
const REQUIREMENTS = [parseRequirementString('wheely', { file: 'requirements.txt', line: 1 })];
const status = (decisions: ReturnType<typeof decideForConfig>) => decisions.packages.map((p) => [p.name, p.status, p.build]);

describe('decideForConfig', () => {
  it('a wheel without options; --no-binary from the requirements file makes pip build it', () => {
    expect(status(decideForConfig(CONFIG, REQUIREMENTS, undefined, KNOWLEDGE))).toEqual([['wheely', 'wheel', []]]);
    const formats = formatControlOf([{ name: '--no-binary', value: 'wheely', file: 'requirements.txt', line: 1 }]);
    expect(status(decideForConfig(CONFIG, REQUIREMENTS, formats, KNOWLEDGE))).toEqual([['wheely', 'compile', ['build-base', 'yaml-dev']]]);
  });

  it('the index record of the config overrides the wheel fact for its CPython version', () => {
    const index = { python: '3.12', arches: ['x86_64' as const], packages: { wheely: 'compile' as const } };
    const decisions = decideForConfig({ ...CONFIG, index }, REQUIREMENTS, undefined, KNOWLEDGE);
    expect(status(decisions)).toEqual([['wheely', 'compile', ['build-base', 'yaml-dev']]]);
    expect(decisions.packages[0]!.sources).toEqual(['pypi:wheely/2.0', 'slim-python.json index record']);
  });
});

describe('targetOfConfig', () => {
  it('carries the formats, the index record and the lock only when there are some', () => {
    const formats = formatControlOf([{ name: '--no-binary', value: 'wheely', file: 'requirements.txt', line: 1 }]);
    const index = { python: '3.12', arches: ['x86_64' as const], packages: {} };
    const locked = new Map([['wheely', ['wheely-2.0.tar.gz']]]);
    expect(Object.keys(targetOfConfig(CONFIG))).toEqual(['runtime', 'arches']);
    const full = targetOfConfig({ ...CONFIG, index, locked }, formats);
    expect(Object.keys(full)).toEqual(['runtime', 'arches', 'formats', 'index', 'locked']);
    expect([full.formats, full.index, full.locked]).toEqual([formats, index, locked]);
    expect(full.runtime.version).toBe('3.12');
  });
});

describe('decideFromIndex', () => {
  it("explain --online: pip's pick decides the status; the knowledge base's runtime packages still count", () => {
    const decisions = decideFromIndex(
      { dists: [{ name: 'wheely', version: '2.0', file: 'wheely-2.0.tar.gz', status: 'compile', via: null }], blocked: [], environment: null },
      [],
      { python: '3.12', arch: 'x86_64' },
      KNOWLEDGE,
    );
    expect(decisions.packages).toEqual([
      {
        name: 'wheely',
        status: 'compile',
        why: 'no musllinux or pure-Python wheel of wheely for CPython 3.12 on x86_64: pip builds it from source',
        build: ['build-base', 'yaml-dev'],
        runtime: ['yaml'],
        sources: ['pypi:wheely/2.0'],
        via: null,
      },
    ]);
    expect(decisions.apk.runtime).toEqual([{ name: 'yaml', for: ['wheely'] }]);
  });
});
