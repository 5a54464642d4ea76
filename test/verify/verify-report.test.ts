/** The text and JSON reports of verify, from outcomes built the way runVerify builds them. */
import { describe, expect, it } from 'vitest';
import { buildVerifyDocument, formatVerify } from '../../src/commands/verify/report.ts';
import { CHECK_IDS, type CheckResult } from '../../src/commands/verify/checks.ts';
import type { VerifyOutcome } from '../../src/commands/verify/run-verify.ts';

function outcome(overrides: Partial<Record<(typeof CHECK_IDS)[number], Partial<CheckResult>>>, cleanup: Partial<VerifyOutcome['cleanup']> = {}): VerifyOutcome {
  return {
    engine: { name: 'Podman', version: '5.1.2', clientVersion: '5.2.0' },
    checks: CHECK_IDS.map((id) => ({ id, status: 'pass', detail: `${id} detail`, ...overrides[id] })),
    image: {
      id: 'e'.repeat(64),
      size: 52_345_678,
      user: '10001',
      exposedPorts: ['8080/tcp'],
      env: [],
      hasHealthcheck: true,
      healthcheck: { intervalMs: 30_000, timeoutMs: 5_000, startPeriodMs: 0 },
    },
    contentBytes: 50_000_000,
    tag: 'create-slim-python-verify/app:0123abcd',
    cleanup: { removed: [{ kind: 'container', ref: 'c1' }], kept: [], failed: [], ...cleanup },
    cancelled: false,
  };
}

describe('verify report', () => {
  it('a failed run names what is not proven and what could not be removed, with the command', () => {
    const text = formatVerify(
      'app',
      outcome(
        { pip: { status: 'fail', detail: 'found /usr/local/bin/pip' }, compiler: { status: 'skip', detail: 'no /bin/sh' } },
        {
          failed: [
            {
              resource: { kind: 'image', ref: 'create-slim-python-verify/app:0123abcd' },
              command: 'docker image rm create-slim-python-verify/app:0123abcd',
              reason: 'image is in use',
            },
          ],
        },
      ),
    );
    expect(text).toContain('verify app with Podman 5.1.2, 52.3 MB\n');
    expect(text).toContain('  FAIL  no pip or ensurepip          found /usr/local/bin/pip\n');
    expect(text).toContain('  skip  no compiler or binutils      no /bin/sh\n');
    expect(text).toContain('could not remove image create-slim-python-verify/app:0123abcd (image is in use): run docker image rm create-slim-python-verify/app:0123abcd\n');
    expect(text.trimEnd().split('\n').at(-1)).toBe('not proven: compiler, pip');
  });

  it('n/a rows do not count against the proof; --keep-image says how to run the kept image', () => {
    const text = formatVerify(
      'app',
      outcome({ healthcheck: { status: 'n/a', detail: 'cli apps have no HEALTHCHECK' } }, { kept: [{ kind: 'image', ref: 'create-slim-python-verify/app:0123abcd' }] }),
    );
    expect(text).toContain('kept image create-slim-python-verify/app:0123abcd (--keep-image): docker run --rm create-slim-python-verify/app:0123abcd\n');
    expect(text.trimEnd().split('\n').at(-1)).toBe('proven: all 8 checks that apply passed');
  });

  it('the JSON document: stable keys, sizes in bytes, labels beside ids', () => {
    const doc = buildVerifyDocument('app', outcome({}));
    expect(Object.keys(doc)).toEqual(['project', 'proven', 'engine', 'image', 'checks', 'cleanup']);
    expect(doc.proven).toBe(true);
    expect(doc.engine).toEqual({ name: 'Podman', version: '5.1.2' });
    expect(doc.image).toEqual({
      id: 'e'.repeat(64),
      tag: 'create-slim-python-verify/app:0123abcd',
      size: 52_345_678,
      contentSize: 50_000_000,
      user: '10001',
      healthcheck: true,
      kept: false,
    });
    expect(doc.checks[0]).toEqual({ id: 'build', label: 'builds with BuildKit', status: 'pass', detail: 'build detail' });
    expect(doc.cleanup).toEqual({ removed: [{ kind: 'container', ref: 'c1' }], kept: [], failed: [] });
  });
});
