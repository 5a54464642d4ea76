/** The one rule for tests that need something from outside: skip with the reason, except in CI. */
import type { TestContext } from 'vitest';
import { isCi } from './cli.ts';

/**
 * Returns when nothing is `missing`; otherwise skips the test saying why, or fails it under CI,
 * where `.ci/run` installs what the tests need and `what` is required.
 */
export function requireOrSkip(ctx: TestContext, missing: string | undefined, what: string): void {
  if (missing === undefined) return;
  if (isCi()) throw new Error(`CI requires ${what}: ${missing}`);
  console.warn(`skipped: ${missing}`);
  ctx.skip(missing);
}
