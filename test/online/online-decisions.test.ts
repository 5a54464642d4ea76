import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { decideOnline } from '../../src/knowledge/index-decisions.ts';
import type { OnlineResolution } from '../../src/online/resolve-online.ts';

const TARGET = { python: '3.12', arch: 'x86_64' as const };

function resolution(blocked: OnlineResolution['blocked'], warnings: string[] = []): OnlineResolution {
  return { dists: [], blocked, environment: { python_version: '3.12', platform_machine: 'x86_64' }, warnings };
}

describe('decideOnline: what the index said, as decisions', () => {
  it('a project with no wheel and no sdist is unavailable, a warning and a problem', () => {
    const decisions = decideOnline(resolution([{ name: 'yara-x', requirement: 'yara-x==1.19.0', via: null, versions: [], reason: 'unavailable' }]), [], loadKnowledge(), TARGET);
    expect(decisions.packages[0]).toMatchObject({ name: 'yara-x', status: 'unavailable', build: [] });
    expect(decisions.problems).toEqual([
      { name: 'yara-x', message: 'yara-x==1.19.0 cannot be installed on Alpine (CPython 3.12, x86_64): the index has no musllinux wheel that fits and no sdist' },
    ]);
    expect(decisions.warnings.filter((warning) => warning.startsWith('yara-x==1.19.0 cannot'))).toHaveLength(1);
  });

  it('an unknown project that compiles gets the build packages its pyproject.toml implies, saying from what', () => {
    const decisions = decideOnline(
      resolution(
        [
          {
            name: 'rusty',
            requirement: 'rusty==1.0',
            via: null,
            versions: [],
            reason: 'compile',
            inferred: {
              backend: 'maturin',
              apk: [{ name: 'cargo', because: 'build-backend maturin: maturin builds Rust extensions with cargo' }],
              unmapped: ['dep:generic/rare'],
              sdist: 'rusty-1.0.tar.gz',
            },
          },
        ],
        ['pip could not check it'],
      ),
      [],
      loadKnowledge(),
      TARGET,
    );
    expect(decisions.packages[0]).toMatchObject({ status: 'compile', build: ['build-base', 'cargo'], sources: ['sdist:rusty-1.0.tar.gz'] });
    expect(decisions.packages[0]!.why).toMatch(/build packages inferred from its sdist's pyproject\.toml$/);
    expect(decisions.warnings).toContain(
      "rusty: compiles from source and is not in the knowledge base; from rusty-1.0.tar.gz's pyproject.toml: cargo (build-backend maturin: maturin builds Rust extensions with cargo); it also declares dep:generic/rare, which have no known Alpine name; add what else it needs with --build-deps / --runtime-libs",
    );
    expect(decisions.warnings).toContain('pip could not check it');
    expect(decisions.apk.build.map((item) => item.name)).toEqual(['build-base', 'cargo']);
  });

  it("a known project keeps the knowledge base's build packages even when its sdist was read", () => {
    const decisions = decideOnline(
      resolution([
        {
          name: 'psycopg2',
          requirement: 'psycopg2',
          via: null,
          versions: [],
          reason: 'compile',
          inferred: { backend: null, apk: [], unmapped: [], sdist: 'psycopg2-2.9.tar.gz' },
        },
      ]),
      [],
      loadKnowledge(),
      TARGET,
    );
    expect(decisions.packages[0]!.build).toEqual(['build-base', 'libpq-dev']);
  });
});
