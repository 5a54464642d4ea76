/**
 * The target directory is checked when it is chosen, not after every other question: a symlink
 * or a file typed at the prompt asks again (see unusableTarget); a directory that is not empty offers what create-vite offers (another
 * directory, write only the generated files, or cancel). Without prompts it fails at once (exit 3).
 */
import { lstatSync } from 'node:fs';
import { inspectTarget } from '../../apply/inspect-target.ts';
import { CancelledError, ConflictError } from '../../errors.ts';
import type { Prompter } from '../../io/prompter.ts';
import { describeTargetProblem } from './check-target.ts';

export type TargetChoice = 'ok' | 'force' | 'other';

/** Decides at once whether `dir` can take the project; 'other' means: ask for another directory. */
export async function chooseTarget(dir: string, options: { prompter: Prompter | null; force: boolean }): Promise<TargetChoice> {
  const problem = describeTargetProblem(dir, await inspectTarget(dir), options.force);
  if (!problem) return 'ok';
  // A symlink or a file given as DIR is refused at once; the directory prompt itself re-asks for those.
  if (!options.prompter || !problem.notEmpty) throw new ConflictError(problem.message);
  const answer = await options.prompter.select<TargetChoice | 'cancel'>({
    message: `${dir} is not empty`,
    choices: [
      { name: 'choose another directory', value: 'other' },
      { name: 'write only the generated files into it (each file replaced is kept as a .orig backup; nothing else is touched)', value: 'force' },
      { name: 'cancel', value: 'cancel' },
    ],
    default: 'other',
  });
  if (answer === 'cancel') throw new CancelledError();
  return answer;
}

/** Why a typed directory cannot be used at all (a file, a symlink), for the prompt's validation; null if usable. */
export function unusableTarget(dir: string): string | null {
  const stats = lstatSync(dir, { throwIfNoEntry: false });
  if (!stats) return null;
  if (stats.isSymbolicLink()) return 'is a symlink: choose a real directory';
  if (!stats.isDirectory()) return 'exists and is not a directory: choose another';
  return null;
}
