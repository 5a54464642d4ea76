/** Validation and formatting of a CMD argv, shared by --cmd and the config file (no parser loaded). */
import { UsageError } from '../errors.ts';

/** Checks an argv (from --cmd or from the config file): non-empty strings without NUL or line breaks. */
export function validateArgv(argv: readonly string[], where: string): string[] {
  if (argv.length === 0) throw new UsageError(`${where} is empty: give the command to run`);
  argv.forEach((arg, index) => {
    // eslint-disable-next-line no-control-regex
    if (/[\0-\x1f\x7f]/.test(arg)) throw new UsageError(`${where} argument ${index + 1} contains a control character (a NUL or a line break?)`);
  });
  if (argv[0] === '') throw new UsageError(`${where}: the program name is empty`);
  return [...argv];
}

/** The JSON-form CMD text for an argv: `["a", "b"]` (JSON strings, Docker parses them as JSON). */
export function formatExecForm(argv: readonly string[]): string {
  return `[${argv.map((arg) => JSON.stringify(arg)).join(', ')}]`;
}
