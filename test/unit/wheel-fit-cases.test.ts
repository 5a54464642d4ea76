/**
 * The wheel and sdist facts of one entry at the edges the mutation run left open
 * (src/knowledge/wheel-fit.ts, sdist-fit.ts, wheel-history.ts): a CPython version the history was
 * not computed for, a pin newer than every recorded release, a last run without an sdist that
 * ends before the latest release, and the exact shape of a computed run. The entries are written
 * by hand in the knowledge base's format; every expected text is written out.
 */
import { describe, expect, it } from 'vitest';
import type { MusllinuxWheels } from '../../src/knowledge/schema.ts';
import { missingSdist } from '../../src/knowledge/sdist-fit.ts';
import { missingWheel } from '../../src/knowledge/wheel-fit.ts';
import { computeNoSdistRuns } from '../../src/knowledge/wheel-history.ts';
import { parseRequirementString } from '../../src/requirements/pep508.ts';

const req = (text: string) => parseRequirementString(text, { file: 'requirements.txt', line: 1 });

// History and gaps computed for CPython 3.12 only; release 1.5 shipped no x86_64 musllinux wheel.
const COMPUTED_FOR_312: MusllinuxWheels = {
  since: { x86_64: '1.0' },
  latest: '2.0',
  python: ['3.12'],
  byPython: { '3.12': { x86_64: '1.0' } },
  withoutWheel: { '3.12': { x86_64: [{ from: '1.5', through: '1.5', before: '1.4', after: '1.6' }] } },
};

// Like tree-sitter: aarch64 wheels stop after 0.23.2, up to the latest recorded release (0.26.1).
const DROPPED_AARCH64: MusllinuxWheels = {
  since: { x86_64: '0.20', aarch64: '0.20' },
  latest: '0.26.1',
  python: ['3.12'],
  byPython: { '3.12': { x86_64: '0.20', aarch64: '0.20' } },
  withoutWheel: { '3.12': { aarch64: [{ from: '0.24.0', through: '0.26.1', before: '0.23.2' }] } },
};

describe('missingWheel: a CPython version the history was not computed for', () => {
  it("falls back to the latest release's CPython list, even when gaps are recorded for another version", () => {
    expect(missingWheel(COMPUTED_FOR_312, req('p'), { python: '3.11', arches: ['x86_64'] })).toBe('no musllinux wheel for CPython 3.11 (latest 2.0 has 3.12)');
    expect(missingWheel(COMPUTED_FOR_312, req('p==1.6'), { python: '3.11', arches: ['x86_64'] })).toBe('no musllinux wheel for CPython 3.11 (latest 2.0 has 3.12)');
  });

  it('on the computed version the gaps decide', () => {
    expect(missingWheel(COMPUTED_FOR_312, req('p'), { python: '3.12', arches: ['x86_64'] })).toBeNull();
    expect(missingWheel(COMPUTED_FOR_312, req('p==1.5'), { python: '3.12', arches: ['x86_64'] })).toBe(
      '1.5 has no musllinux wheel for CPython 3.12 on x86_64 (release 1.5 has none; the nearest with one are 1.4 and 1.6)',
    );
  });
});

describe('missingWheel: an exact pin is judged by its own release', () => {
  it('a pin newer than every recorded release (the knowledge base predates it) is in no run: its wheel counts', () => {
    expect(missingWheel(DROPPED_AARCH64, req('t==0.27.0'), { python: '3.12', arches: ['aarch64'] })).toBeNull();
    expect(missingWheel(DROPPED_AARCH64, req('t==0.26.1'), { python: '3.12', arches: ['aarch64'] })).toBe(
      '0.26.1 has no musllinux wheel for CPython 3.12 on aarch64 (releases 0.24.0 to 0.26.1 have none; the nearest with one is 0.23.2)',
    );
  });

  it('without a pin, the latest release decides', () => {
    expect(missingWheel(DROPPED_AARCH64, req('t>=0.27'), { python: '3.12', arches: ['aarch64'] })).toBe(
      'the latest release, 0.26.1, has no musllinux wheel for CPython 3.12 on aarch64 (releases 0.24.0 to 0.26.1 have none; the nearest with one is 0.23.2)',
    );
  });
});

describe('missingSdist: the latest release has no sdist', () => {
  it('the last run names the latest release only when it reaches it', () => {
    expect(missingSdist({ sdist: false, noSdist: [{ from: '1.1', through: '2.0', before: '1.0' }] }, req('p'))).toBe(
      'the latest release, 2.0, publishes no sdist (releases 1.1 to 2.0 have none; the nearest with one is 1.0)',
    );
    // A history whose last run ends before a release with an sdist says nothing about the latest.
    expect(missingSdist({ sdist: false, noSdist: [{ from: '1.1', through: '1.2', before: '1.0', after: '1.3' }] }, req('p'))).toBe('it publishes no sdist');
    expect(missingSdist({ sdist: false, noSdist: [] }, req('p'))).toBe('it publishes no sdist');
    expect(missingSdist({ sdist: false }, null)).toBe('it publishes no sdist');
  });
});

describe('computeNoSdistRuns: the exact shape of each run', () => {
  it('a run at the first release has no "before" key at all, one at the last release no "after" key', () => {
    const releases = {
      '1.0': [{ filename: 'p-1.0-py3-none-any.whl' }],
      '1.1': [{ filename: 'p-1.1.tar.gz' }],
      '1.2': [{ filename: 'p-1.2-py3-none-any.whl' }],
    };
    expect(computeNoSdistRuns(releases)).toStrictEqual([
      { from: '1.0', through: '1.0', after: '1.1' },
      { from: '1.2', through: '1.2', before: '1.1' },
    ]);
    expect(Object.keys(computeNoSdistRuns(releases)[0]!)).toEqual(['from', 'through', 'after']);
  });
});
