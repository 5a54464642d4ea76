/** The checks verify reports, and the pure rules that turn what docker printed into a verdict. */
import { isRootUser, type ImageFacts } from './docker-output.ts';
import type { ProbeFindings } from './probe-script.ts';

export const CHECK_IDS = ['build', 'size', 'user', 'compiler', 'dev-packages', 'headers', 'pip', 'app', 'healthcheck'] as const;
export type CheckId = (typeof CHECK_IDS)[number];

/** pass and fail are verdicts; skip means not proven (fails verify); n/a means the check does not apply. */
export interface CheckResult {
  id: CheckId;
  status: 'pass' | 'fail' | 'skip' | 'n/a';
  detail: string;
}

/** The label of each check in the table: what a pass proves. */
export const CHECK_LABELS: Record<CheckId, string> = {
  build: 'builds with BuildKit',
  size: 'image size',
  user: 'runs as a non-root user',
  compiler: 'no compiler or binutils',
  'dev-packages': 'no -dev package',
  headers: 'no C headers',
  pip: 'no pip or ensurepip',
  app: 'app starts',
  healthcheck: 'HEALTHCHECK reports healthy',
};

/** A row for a check that could not run, saying why. */
export function skipped(id: CheckId, why: string): CheckResult {
  return { id, status: 'skip', detail: why };
}

/** A row for a check that does not apply to this image, saying why. */
export function notApplicable(id: CheckId, why: string): CheckResult {
  return { id, status: 'n/a', detail: why };
}

/**
 * Size: the engine's figure (`docker image inspect` .Size) and the files measured inside the image
 * (the probe's du), reported always; with --max-size the larger of the two must fit, since either
 * can be the low one (a compressed figure from the containerd store, or files deleted in a later layer).
 */
export function checkSize(image: ImageFacts, contentBytes: number | null, maxBytes: number | null): CheckResult {
  const text = `${formatMegabytes(image.size)} (engine)${contentBytes === null ? '' : `, ${formatMegabytes(contentBytes)} of files`}`;
  const measured = Math.max(image.size, contentBytes ?? 0);
  if (maxBytes !== null && measured > maxBytes) return { id: 'size', status: 'fail', detail: `${text}: over --max-size ${formatMegabytes(maxBytes)}` };
  return { id: 'size', status: 'pass', detail: maxBytes === null ? text : `${text} (limit ${formatMegabytes(maxBytes)})` };
}

/** The image's configured user must not be root (the generated Dockerfile sets USER 10001). */
export function checkUser(image: ImageFacts): CheckResult {
  if (isRootUser(image.user)) return { id: 'user', status: 'fail', detail: image.user === '' ? 'no USER: runs as root' : `USER ${image.user} is root` };
  return { id: 'user', status: 'pass', detail: `USER ${image.user}` };
}

/** The content checks, from the probe's findings; `whyIncomplete` explains a probe that did not run to its end. */
export function checkContents(findings: ProbeFindings, whyIncomplete: string): CheckResult[] {
  if (!findings.complete) {
    const why = whyIncomplete;
    return [skipped('compiler', why), skipped('dev-packages', why), skipped('headers', why), skipped('pip', why)];
  }
  const listed = (items: string[]) => (items.length > 3 ? `${items.slice(0, 3).join(', ')} and ${items.length - 3} more` : items.join(', '));
  const verdict = (id: CheckId, found: string[], none: string): CheckResult =>
    found.length > 0 ? { id, status: 'fail', detail: `found ${listed(found)}` } : { id, status: 'pass', detail: none };
  return [
    verdict('compiler', findings.compilers, 'none on PATH or in the standard bin folders'),
    findings.apkDatabase ? verdict('dev-packages', findings.devPackages, 'none installed (apk database)') : notApplicable('dev-packages', 'the image has no apk database'),
    verdict('headers', findings.headers, 'none in /usr/include or /usr/local/include'),
    verdict('pip', findings.pip, 'no pip executable, no pip or ensurepip package'),
  ];
}

/** True when every check that applies passed: the image is proven. */
export function allPassed(checks: readonly CheckResult[]): boolean {
  return checks.every((c) => c.status === 'pass' || c.status === 'n/a');
}

/** Megabytes as Docker prints them (1 MB = 1,000,000 bytes), one decimal. */
export function formatMegabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}
