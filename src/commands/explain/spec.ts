/** Flags of `explain`. */
import type { CommandSpec } from '../../args/command-spec.ts';
import { DEFAULT_PYTHON } from '../../target/runtimes.ts';

export const EXPLAIN_SPEC: CommandSpec = {
  name: 'explain',
  usage: 'create-slim-python explain [DIR] [flags]\n       create-slim-python explain --requirements-file PATH [--python X.Y] [--arch ARCH]',
  summary: 'Show what each requirement needs on Alpine (pure / wheel / compile / unknown) and why.',
  positionals: 1,
  flags: [
    { name: 'requirements-file', type: 'string', value: 'PATH', help: 'explain this file instead of a project' },
    { name: 'python', type: 'string', value: 'X.Y', help: 'CPython version (or "alpine")', default: `the project's, else ${DEFAULT_PYTHON}` },
    {
      name: 'arch',
      type: 'string',
      value: 'x86_64|aarch64',
      help: 'judge for one architecture only',
      default: "the project's arches (both for a requirements file); --online: x86_64",
    },
    { name: 'strict', type: 'boolean', help: 'exit 2 when a pin cannot build or import on the target, or a project cannot install on Alpine (else a warning)' },
    { name: 'json', type: 'boolean', help: 'a stable JSON document on stdout' },
    { name: 'online', type: 'boolean', help: 'ask the package index (through pip) which requirements, transitive ones included, have no musllinux wheel' },
    { name: 'pip', type: 'string', value: 'PATH', help: 'pip executable for --online', default: 'pip3 or pip on PATH' },
    { name: 'size', type: 'boolean', help: 'with --online: install the wheels as the Dockerfile would (strip, bytecode) and show the release image size, per package' },
    { name: 'bytecode', type: 'boolean', help: 'with --size: measure with bytecode (--no-bytecode: without)', default: "the project's choice, else on" },
    { name: 'write', type: 'boolean', help: 'with --online: record the result in slim-python.json for update' },
    { name: 'interactive', type: 'boolean', help: 'show progress while pip works (--no-interactive: never)' },
    { name: 'help', short: 'h', type: 'boolean', help: 'show this help' },
  ],
};
