/**
 * The one error boundary: dispatches the command, prints any error as one line and maps it to
 * the documented exit code. No module below calls process.exit.
 */
import { exitCodeOf, EXIT, toUserError } from './errors.ts';
import type { Io } from './io/io.ts';

type Command = (argv: readonly string[], io: Io) => Promise<number>;

/** Subcommands, loaded lazily so each pays only for its own imports. */
const COMMANDS: Record<string, () => Promise<Command>> = {
  create: async () => (await import('./commands/create/index.ts')).runCreate,
  update: async () => (await import('./commands/update/index.ts')).runUpdate,
  verify: async () => (await import('./commands/verify/index.ts')).runVerifyCommand,
  explain: async () => (await import('./commands/explain/index.ts')).runExplain,
  init: async () => (await import('./commands/init/index.ts')).runInit,
};

/** Runs the CLI with the given arguments (without `node` and the script); returns the exit code. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  const [first, ...rest] = argv;
  // Own keys only: `in` would also see Object.prototype ("constructor", "toString") and call it.
  const name = first !== undefined && Object.hasOwn(COMMANDS, first) && first !== 'create' ? first : 'create';
  const args = name === 'create' ? (first === 'create' ? rest : argv) : rest;
  try {
    const command = await COMMANDS[name]!();
    return await command(args, io);
  } catch (caught) {
    const error = toUserError(caught);
    const code = exitCodeOf(error);
    const message = error instanceof Error ? error.message : String(error);
    if (io.env.DEBUG && caught instanceof Error && caught.stack) io.stderr.write(`${caught.stack}\n`);
    const prefix = code === EXIT.internal ? 'create-slim-python: internal error: ' : 'create-slim-python: ';
    io.stderr.write(`${prefix}${message.split('\n')[0]}${code === EXIT.internal && !io.env.DEBUG ? ' (set DEBUG=1 for details)' : ''}\n`);
    return code;
  }
}
