/**
 * explain --online, the cases test/unit/index-decisions.test.ts leaves out: a requirement the index
 * can serve neither as a fitting musllinux wheel nor as an sdist ("unavailable", a problem: exit 1),
 * and the build packages inferred from an unknown project's sdist pyproject.toml (its warning,
 * sources and build set). The words are written out.
 */
import { describe, expect, it } from 'vitest';
import type { Knowledge } from '../../src/knowledge/decisions.ts';
import type { BlockedDist, OnlineResolution } from '../../src/knowledge/index-answer.ts';
import { decideOnline } from '../../src/knowledge/index-decisions.ts';
import type { KnowledgeEntry } from '../../src/knowledge/schema.ts';

const TARGET = { python: '3.13', arch: 'aarch64' as const };
const KNOWN: KnowledgeEntry = {
  kind: 'native',
  build: ['openssl-dev'],
  runtime: ['libssl3'],
  dlopen: [],
  requires: [],
  musllinux: null,
  sources: [{ fact: 'build', ref: 'aports:community/py3-known' }],
};
const KNOWLEDGE: Knowledge = { packages: new Map([['known', KNOWN]]) } as Knowledge;
const resolution = (blocked: BlockedDist[]): OnlineResolution => ({ dists: [], blocked, environment: null });
const block = (name: string, reason: BlockedDist['reason'], inferred?: BlockedDist['inferred']): BlockedDist => ({
  name,
  requirement: `${name}>=2`,
  via: null,
  versions: [],
  reason,
  ...(inferred ? { inferred } : {}),
});
const TAIL = ': compiles from source and is not in the knowledge base; from ';

describe('decideOnline: no fitting wheel and no sdist', () => {
  it('is "unavailable" with empty sets, and a problem (also shown as a warning)', () => {
    const decisions = decideOnline(resolution([block('wheelonly', 'unavailable'), block('known', 'unavailable')]), [], KNOWLEDGE, TARGET);
    expect(decisions.packages).toEqual([
      {
        name: 'known',
        via: null,
        sources: ['aports:community/py3-known'],
        status: 'unavailable',
        why: 'no musllinux wheel of known>=2 for CPython 3.13 on aarch64, and no sdist: pip cannot install it on Alpine',
        build: [],
        runtime: [],
      },
      {
        name: 'wheelonly',
        via: null,
        sources: [],
        status: 'unavailable',
        why: 'no musllinux wheel of wheelonly>=2 for CPython 3.13 on aarch64, and no sdist: pip cannot install it on Alpine',
        build: [],
        runtime: [],
      },
    ]);
    const message = (name: string) => `${name}>=2 cannot be installed on Alpine (CPython 3.13, aarch64): the index has no musllinux wheel that fits and no sdist`;
    expect(decisions.problems).toEqual([
      { name: 'wheelonly', message: message('wheelonly') },
      { name: 'known', message: message('known') },
    ]);
    expect(decisions.warnings).toEqual([
      'wheelonly: compiles from source and is not in the knowledge base; add the Alpine packages it needs with --build-deps / --runtime-libs',
      message('wheelonly'),
      message('known'),
    ]);
    expect(decisions.apk).toEqual({ build: [], runtime: [] });
  });

  it('a compiling project is no problem', () => {
    expect(decideOnline(resolution([block('slow', 'compile')]), [], KNOWLEDGE, TARGET).problems).toEqual([]);
  });
});

describe('decideOnline: build packages inferred from an unknown project sdist', () => {
  it('the inferred packages are its build set, its source is the sdist, and the warning names why each was inferred', () => {
    const inferred = {
      sdist: 'rusty-1.0.tar.gz',
      backend: 'maturin',
      apk: [
        { name: 'cargo', because: 'build-backend maturin' },
        { name: 'openssl-dev', because: 'dep:generic/openssl' },
      ],
      unmapped: ['dep:generic/weird', 'dep:virtual/compiler/fortran'],
    };
    const decisions = decideOnline(resolution([block('rusty', 'compile', inferred)]), [], KNOWLEDGE, TARGET);
    expect(decisions.packages).toEqual([
      {
        name: 'rusty',
        via: null,
        sources: ['sdist:rusty-1.0.tar.gz'],
        status: 'compile',
        why: "no musllinux or pure-Python wheel of rusty>=2 for CPython 3.13 on aarch64: pip builds it from source; build packages inferred from its sdist's pyproject.toml",
        build: ['build-base', 'cargo', 'openssl-dev'],
        runtime: [],
      },
    ]);
    expect(decisions.warnings).toEqual([
      `rusty${TAIL}rusty-1.0.tar.gz's pyproject.toml: cargo (build-backend maturin), openssl-dev (dep:generic/openssl); it also declares dep:generic/weird, dep:virtual/compiler/fortran, which have no known Alpine name; add what else it needs with --build-deps / --runtime-libs`,
    ]);
    expect(decisions.apk.build).toEqual(['build-base', 'cargo', 'openssl-dev'].map((name) => ({ name, for: ['rusty'] })));
  });

  it('nothing inferred: the warning says whether a backend was declared; the why has no inference remark', () => {
    const decisions = decideOnline(
      resolution([
        block('plain-setup', 'compile', { sdist: 'plain_setup-0.1.tar.gz', backend: null, apk: [], unmapped: [] }),
        block('scikit', 'compile', { sdist: 'scikit-3.tar.gz', backend: 'scikit_build_core.build', apk: [], unmapped: ['dep:generic/odd'] }),
      ]),
      [],
      KNOWLEDGE,
      TARGET,
    );
    expect(decisions.warnings).toEqual([
      `plain-setup${TAIL}plain_setup-0.1.tar.gz's pyproject.toml: no [build-system] declared (a setup.py build), so nothing beyond build-base can be inferred; add what else it needs with --build-deps / --runtime-libs`,
      `scikit${TAIL}scikit-3.tar.gz's pyproject.toml: nothing beyond build-base (build-backend scikit_build_core.build); it also declares dep:generic/odd, which have no known Alpine name; add what else it needs with --build-deps / --runtime-libs`,
    ]);
    expect(decisions.packages.map(({ name, why, build, sources }) => ({ name, why, build, sources }))).toEqual([
      {
        name: 'plain-setup',
        why: 'no musllinux or pure-Python wheel of plain-setup>=2 for CPython 3.13 on aarch64: pip builds it from source',
        build: ['build-base'],
        sources: ['sdist:plain_setup-0.1.tar.gz'],
      },
      {
        name: 'scikit',
        why: 'no musllinux or pure-Python wheel of scikit>=2 for CPython 3.13 on aarch64: pip builds it from source',
        build: ['build-base'],
        sources: ['sdist:scikit-3.tar.gz'],
      },
    ]);
  });

  it('a project the knowledge base knows keeps its own needs: the inference is ignored and no warning is given', () => {
    const decisions = decideOnline(
      resolution([block('known', 'compile', { sdist: 'known-2.tar.gz', backend: 'maturin', apk: [{ name: 'cargo', because: 'build-backend maturin' }], unmapped: [] })]),
      [],
      KNOWLEDGE,
      TARGET,
    );
    expect(decisions.packages).toEqual([
      {
        name: 'known',
        via: null,
        sources: ['aports:community/py3-known'],
        status: 'compile',
        why: 'no musllinux or pure-Python wheel of known>=2 for CPython 3.13 on aarch64: pip builds it from source',
        build: ['build-base', 'openssl-dev'],
        runtime: ['libssl3'],
      },
    ]);
    expect(decisions.warnings).toEqual([]);
  });
});
