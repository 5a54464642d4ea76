/**
 * `--cmd`: the command as the user would type it, split into the argv of a JSON-form `CMD`
 * without any shell. Splitting is shell-quote's `parse` (quotes and backslashes as in a POSIX
 * shell); everything a shell would do beyond splitting (pipes, redirections, globs, variable and
 * command substitution, `~`, leading `NAME=value`) is refused, because no shell will run it.
 * A JSON array of strings is taken as the argv itself.
 */
import { parse } from 'shell-quote';
import { UsageError } from '../../errors.ts';
import { validateArgv } from '../../validate/argv.ts';

/** Splits and validates a `--cmd` value; throws a UsageError naming what to change. */
export function splitCommand(value: string, where = '--cmd'): string[] {
  if (/[\0\r\n]/.test(value)) throw new UsageError(`${where} contains a NUL or a line break: give the command on one line`);
  const trimmed = value.trim();
  if (trimmed === '') throw new UsageError(`${where} is empty: give the command to run, e.g. ${where} "gunicorn myservice.app:app"`);
  const argv = trimmed.startsWith('[') ? parseJsonArgv(trimmed, where) : parseShellWords(trimmed, where);
  return validateArgv(argv, where);
}

function parseJsonArgv(text: string, where: string): string[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${where} starts with "[" but is not a JSON array (${(error as Error).message}): write it like ["gunicorn", "app:app"]`);
  }
  if (!Array.isArray(data) || data.some((item) => typeof item !== 'string')) {
    throw new UsageError(`${where} must be a JSON array of strings, like ["gunicorn", "app:app"]`);
  }
  return data as string[];
}

function parseShellWords(text: string, where: string): string[] {
  if (/`/.test(text)) throw new UsageError(`${where} uses \`...\` command substitution, which needs a shell: no shell runs the CMD; write the command itself`);
  const variables: string[] = [];
  const tokens = parse(text, (name: string) => {
    variables.push(name);
    return '';
  });
  if (variables.length > 0) {
    const shown = variables[0] === '' ? '$(...)' : `$${variables[0]}`;
    throw new UsageError(`${where} uses ${shown}, which needs a shell to expand: no shell runs the CMD; write the value itself (quote a literal $ with single quotes)`);
  }
  const argv: string[] = [];
  for (const token of tokens) {
    if (typeof token === 'string') {
      argv.push(token);
      continue;
    }
    if ('comment' in token) throw new UsageError(`${where} contains a "#" comment: quote the "#" if it is part of an argument`);
    if (token.op === 'glob')
      throw new UsageError(`${where} has the wildcard ${JSON.stringify(token.pattern)}, which needs a shell to expand: quote it to pass it literally, or list the files`);
    throw new UsageError(`${where} uses the shell operator ${JSON.stringify(token.op)}: no shell runs the CMD; give one command (put a pipeline in a script in your project)`);
  }
  if (argv[0]?.startsWith('~')) throw new UsageError(`${where} starts with "~", which needs a shell to expand: write the absolute path`);
  if (argv[0] !== undefined && /^[A-Za-z_][A-Za-z0-9_]*=/.test(argv[0])) {
    throw new UsageError(
      `${where} starts with the variable assignment ${JSON.stringify(argv[0])}: no shell runs the CMD; drop it (environment variables belong in ENV lines or docker run -e)`,
    );
  }
  return argv;
}
