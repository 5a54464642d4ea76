/**
 * A knowledge entry's note (e.g. "needs gdal-config from gdal-dev") is shown by explain when the
 * project compiles (src/knowledge/schema.ts): decide copies it onto the compile decision only.
 */
import { describe, expect, it } from 'vitest';
import { decide } from '../../src/knowledge/decide.ts';
import type { Knowledge } from '../../src/knowledge/decisions.ts';
import type { KnowledgeEntry } from '../../src/knowledge/schema.ts';
import { parseRequirementString } from '../../src/requirements/pep508.ts';

const entry = (note?: string): KnowledgeEntry => ({
  kind: 'native',
  build: ['gdal-dev'],
  runtime: ['gdal'],
  dlopen: [],
  requires: [],
  musllinux: null,
  sources: [{ fact: 'build', ref: 'aports:community/py3-gdal' }],
  ...(note ? { note } : {}),
});

describe('decide: the note of a compiling project', () => {
  it('is on the decision when the entry has one, absent otherwise', () => {
    const knowledge = {
      packages: new Map([
        ['noted', entry('needs gdal-config from gdal-dev')],
        ['plain', entry()],
      ]),
    } as Knowledge;
    const requirements = ['noted', 'plain'].map((text, index) => parseRequirementString(text, { file: 'requirements.txt', line: index + 1 }));
    const decisions = decide(requirements, knowledge, { python: '3.12', arches: ['x86_64'] });
    const noted = decisions.packages.find((item) => item.name === 'noted')!;
    const plain = decisions.packages.find((item) => item.name === 'plain')!;
    expect(noted.status).toBe('compile');
    expect(noted.note).toBe('needs gdal-config from gdal-dev');
    expect(plain.status).toBe('compile');
    expect('note' in plain).toBe(false);
  });
});
