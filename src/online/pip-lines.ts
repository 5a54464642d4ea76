/** Requirements as the lines pip is asked about (name, extras and specifiers; markers already evaluated). */
import type { Requirement } from '../requirements/types.ts';
import type { PipLine } from './resolve-online.ts';

/**
 * The line pip reads for a requirement: name, extras and specifiers only. The marker was already
 * evaluated for the target (pip would evaluate it for this machine); per-requirement options such
 * as --hash are dropped since hash-checking mode would refuse the unpinned dependencies.
 */
export function toPipLines(requirements: readonly Requirement[]): PipLine[] {
  return requirements
    .filter((requirement): requirement is Requirement & { name: string } => requirement.name !== null)
    .map((requirement) => ({
      text: `${requirement.name}${requirement.extras.length > 0 ? `[${requirement.extras.join(',')}]` : ''}${requirement.specifiers.join(',')}`,
      name: requirement.name,
      extras: [...requirement.extras],
      via: null,
    }));
}
