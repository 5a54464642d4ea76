/**
 * A single-value flag given twice (`--python 3.12 ... --python 3.13`) would silently keep the
 * last one: refuse it instead, naming the flag. Repeatable flags (`--requirement`) and booleans
 * are not checked. Values of string flags can only start with "-" when attached with "=", so a
 * token counts as the flag when it is `--name`, `--name=...`, `-s` or `-sVALUE`.
 */
import { UsageError } from '../errors.ts';
import type { CommandSpec } from './command-spec.ts';

/** Throws a usage error when a non-repeatable string flag occurs more than once in `argv`. */
export function assertNoRepeatedFlags(spec: CommandSpec, argv: readonly string[]): void {
  const end = argv.indexOf('--');
  const tokens = end === -1 ? argv : argv.slice(0, end);
  for (const flag of spec.flags) {
    if (flag.type !== 'string' || flag.multiple) continue;
    const count = tokens.filter(
      (token) => token === `--${flag.name}` || token.startsWith(`--${flag.name}=`) || (flag.short !== undefined && token.startsWith(`-${flag.short}`) && !token.startsWith('--')),
    ).length;
    if (count > 1) throw new UsageError(`--${flag.name} is given ${count} times: pass it once`);
  }
}
