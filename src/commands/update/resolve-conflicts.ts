/**
 * How each conflicting file is resolved: --force (new render where both changed, numbered .orig
 * backup), --keep (leave it),
 * a prompt when interactive (showing the diff first), else conflict markers and exit 3.
 */
import type { Io } from '../../io/io.ts';
import { createInquirerPrompter, PromptClosedError } from '../../io/prompter.ts';
import type { FileChange } from '../../plan/file-change.ts';

import type { Resolution } from '../../plan/update-plan.ts';

export interface ResolveOptions {
  force: boolean;
  keep: boolean;
  interactive: boolean;
  io: Io;
  json: boolean;
}

/** Returns a resolution for every file whose action is "conflict". */
export async function resolveConflicts(changes: readonly FileChange[], options: ResolveOptions): Promise<Map<string, Resolution>> {
  const resolutions = new Map<string, Resolution>();
  const conflicts = changes.filter((change) => change.action === 'conflict');
  if (conflicts.length === 0) return resolutions;
  if (options.force || options.keep) {
    for (const change of conflicts) resolutions.set(change.path, options.force ? 'force' : 'keep');
    return resolutions;
  }
  if (!options.interactive) {
    for (const change of conflicts) resolutions.set(change.path, 'markers');
    return resolutions;
  }
  const output = options.json ? options.io.stderr : options.io.stdout;
  const { unifiedDiff } = await import('../../merge/unified-diff.ts');
  const prompter = options.io.prompter ?? (await createInquirerPrompter({ input: options.io.stdin, output, cancel: options.io.cancel }));
  for (const change of conflicts) {
    output.write(unifiedDiff(change.path, change.current, change.render));
    let answer: Resolution;
    try {
      answer = await prompter.select<Resolution>({
        message: change.noBase
          ? `${change.path}: no merge base is stored, so update cannot tell your edits from generated lines`
          : `${change.path}: your edits and the regeneration changed the same lines`,
        choices: [
          { name: 'keep my file as it is', value: 'keep' },
          { name: 'take the new render where both changed (my file is saved as a .orig backup)', value: 'force' },
          // Markers need a base to say what each side changed.
          ...(change.noBase ? [] : [{ name: 'write conflict markers and resolve by hand', value: 'markers' as const }]),
        ],
        default: 'keep',
      });
    } catch (error) {
      // End of input at the prompt: the safe answer keeps the user's file. Ctrl-C cancels.
      if (!(error instanceof PromptClosedError)) throw error;
      answer = 'keep';
    }
    resolutions.set(change.path, answer);
  }
  return resolutions;
}
