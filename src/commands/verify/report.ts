/** What verify prints: a table of checks (text) or a stable JSON document. */
import { CHECK_LABELS, allPassed, formatMegabytes } from './checks.ts';
import type { Resource } from './cleanup.ts';
import type { VerifyOutcome } from './run-verify.ts';

const STATUS_TEXT = { pass: 'ok', fail: 'FAIL', skip: 'skip', 'n/a': 'n/a' } as const;

/** The stable JSON document of `verify --json`. */
export function buildVerifyDocument(name: string, outcome: VerifyOutcome) {
  return {
    project: name,
    proven: allPassed(outcome.checks),
    engine: { name: outcome.engine.name, version: outcome.engine.version },
    image: outcome.image
      ? {
          id: outcome.image.id,
          tag: outcome.tag,
          size: outcome.image.size,
          contentSize: outcome.contentBytes,
          user: outcome.image.user,
          healthcheck: outcome.image.hasHealthcheck,
          kept: outcome.cleanup.kept.length > 0,
        }
      : null,
    checks: outcome.checks.map((c) => ({ id: c.id, label: CHECK_LABELS[c.id], status: c.status, detail: c.detail })),
    cleanup: {
      removed: outcome.cleanup.removed,
      kept: outcome.cleanup.kept,
      failed: outcome.cleanup.failed.map((f) => ({ ...f.resource, command: f.command, reason: f.reason })),
    },
  };
}

/** The text report: a header, one row per check, what was removed or left. */
export function formatVerify(name: string, outcome: VerifyOutcome): string {
  const labelWidth = Math.max(...outcome.checks.map((c) => CHECK_LABELS[c.id].length));
  const size = outcome.image ? `, ${formatMegabytes(outcome.image.size)}` : '';
  const lines = [`verify ${name} with ${outcome.engine.name} ${outcome.engine.version}${size}`, ''];
  for (const check of outcome.checks) {
    lines.push(`  ${STATUS_TEXT[check.status].padEnd(4)}  ${CHECK_LABELS[check.id].padEnd(labelWidth)}  ${check.detail}`);
  }
  lines.push('');
  const describe = (r: Resource) => `${r.kind} ${r.ref}`;
  if (outcome.cleanup.removed.length > 0) lines.push(`removed ${outcome.cleanup.removed.map(describe).join(', ')}`);
  if (outcome.cleanup.kept.length > 0)
    lines.push(`kept image ${outcome.cleanup.kept.map((r) => r.ref).join(', ')} (--keep-image): docker run --rm ${outcome.cleanup.kept[0]!.ref}`);
  for (const failed of outcome.cleanup.failed) lines.push(`could not remove ${describe(failed.resource)} (${failed.reason}): run ${failed.command}`);
  const failed = outcome.checks.filter((c) => c.status === 'fail' || c.status === 'skip');
  const applicable = outcome.checks.filter((c) => c.status !== 'n/a').length;
  lines.push(failed.length === 0 ? `proven: all ${applicable} checks that apply passed` : `not proven: ${failed.map((c) => c.id).join(', ')}`);
  return `${lines.join('\n')}\n`;
}
