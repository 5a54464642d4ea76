/**
 * The knowledge base is data a contributor edits by hand: check its shape, that every Alpine
 * name is one seen in Alpine's own APKBUILDs (src/knowledge/alpine/*.json), and that every fact
 * has a source.
 */
import { describe, expect, it } from 'vitest';
import { loadAlpineNames, loadKnowledge } from '../../src/knowledge/load.ts';
import { isApkName } from '../../src/validate/apk-name.ts';
import { normalizeName } from '../../src/requirements/normalize.ts';
import { valid } from '@renovatebot/pep440';

const knowledge = loadKnowledge();
const alpine = loadAlpineNames();
const entries = [...knowledge.packages.entries()];

describe('knowledge base', () => {
  it('covers at least 100 native projects', () => {
    const native = entries.filter(([, entry]) => entry.kind === 'native').length;
    console.log(`knowledge base: ${entries.length} projects, ${native} native, ${Object.keys(alpine).length} Alpine names`);
    expect(native).toBeGreaterThanOrEqual(100);
  });

  it('uses only Alpine names seen in aports, each with its APKBUILD', () => {
    const unknown: string[] = [];
    for (const [name, entry] of entries) {
      for (const apk of [...entry.build, ...entry.runtime, ...entry.dlopen, ...(entry.olderBuilds ?? []).flatMap((older) => [...older.build, ...older.runtime])]) {
        if (!(apk in alpine)) unknown.push(`${name}: ${apk}`);
      }
    }
    expect(unknown).toEqual([]);
    for (const [apk, where] of Object.entries(alpine)) {
      expect(isApkName(apk), apk).toBe(true);
      expect(where, apk).toMatch(/^(main|community|testing)\/[^/]+\/APKBUILD$/);
    }
  });

  it('has normalised names, known requires, and a source for every fact', () => {
    const problems: string[] = [];
    for (const [name, entry] of entries) {
      if (normalizeName(name) !== name) problems.push(`${name}: not normalised`);
      const facts = new Set(entry.sources.map((source) => source.fact));
      if (!facts.has('wheels')) problems.push(`${name}: no wheels source`);
      for (const fact of ['build', 'runtime', 'dlopen'] as const) {
        if (entry[fact].length > 0 && !facts.has(fact)) problems.push(`${name}: ${fact} has no source`);
      }
      for (const dependency of entry.requires) if (!knowledge.packages.has(dependency)) problems.push(`${name}: requires unknown ${dependency}`);
      if (entry.kind === 'native' && entry.build.length > 0 && !entry.build.includes('build-base') && !entry.build.includes('cargo')) {
        problems.push(`${name}: native with build packages but no compiler`);
      }
      for (const floor of entry.floors ?? []) {
        if (!valid(floor.version) || (floor.python !== undefined && !/^3\.\d+$/.test(floor.python))) problems.push(`${name}: bad floor ${JSON.stringify(floor)}`);
        if (floor.source.trim() === '' || floor.why.trim() === '') problems.push(`${name}: floor ${floor.version} without why or source`);
      }
      for (const older of entry.olderBuilds ?? []) {
        if (!valid(older.before) || older.source.trim() === '') problems.push(`${name}: bad olderBuild ${JSON.stringify(older)}`);
        if (!older.build.includes('build-base')) problems.push(`${name}: olderBuild before ${older.before} has no compiler`);
      }
      for (const [extra, added] of Object.entries(entry.extras ?? {})) {
        if (!facts.has('extras')) problems.push(`${name}: extras have no source`);
        for (const label of added) {
          const dependency = label.replace(/\[.*\]$/, '');
          if (!knowledge.packages.has(dependency)) problems.push(`${name}[${extra}]: adds unknown ${dependency}`);
        }
      }
      const wheels = entry.musllinux;
      if (wheels) {
        for (const [python, row] of Object.entries(wheels.byPython ?? {})) {
          if (!/^3\.\d+$/.test(python)) problems.push(`${name}: byPython key ${python}`);
          for (const version of Object.values(row)) if (!valid(version!)) problems.push(`${name}: byPython ${python} has invalid ${version}`);
        }
        if (wheels.python.length === 0) problems.push(`${name}: musllinux without Python versions`);
        if (wheels.python[0] === 'abi3' && !/^3\.\d+$/.test(wheels.python[1] ?? '')) problems.push(`${name}: abi3 without minimum`);
      }
    }
    expect(problems).toEqual([]);
  });
});
