/**
 * `--strict` (create, update, explain): a problem in the decisions (a pin that cannot build or
 * import on the target, a project that cannot install on Alpine) becomes exit 2 instead of a warning.
 */
import { UsageError } from '../errors.ts';
import type { Decisions } from './decisions.ts';

/** Throws a UsageError listing every problem when `strict` is set; otherwise does nothing. */
export function enforceStrict(decisions: Pick<Decisions, 'problems'>, strict: boolean): void {
  if (!strict || decisions.problems.length === 0) return;
  // One line: the error boundary prints the first line of a message only.
  const count = decisions.problems.length;
  const messages = decisions.problems.map((problem) => problem.message).join(' | ');
  throw new UsageError(`--strict: ${count === 1 ? 'a requirement' : `${count} requirements`} will not install or work on the target: ${messages}`);
}
