/** Flags of `update`: the scaffold's value flags (same names) plus the maintenance modes. */
import type { CommandSpec } from '../../args/command-spec.ts';
import { PYTHON_RUNTIMES } from '../../target/runtimes.ts';
import { BYTECODE_HELP } from '../../target/defaults.ts';

export const UPDATE_SPEC: CommandSpec = {
  name: 'update',
  usage: 'create-slim-python update [DIR] [flags]',
  summary:
    'Regenerate the Dockerfile (and .dockerignore) after requirements or settings change.\n' +
    'Unedited files are rewritten; edited ones are merged three-way, keeping your edits.',
  positionals: 1,
  flags: [
    { name: 'python', type: 'string', value: 'X.Y', help: `change the Python runtime: ${PYTHON_RUNTIMES.map((r) => r.id).join(', ')}` },
    { name: 'build-deps', type: 'string', value: 'a,b', help: 'Alpine build packages; +name adds, -name removes' },
    { name: 'runtime-libs', type: 'string', value: 'a,b', help: 'Alpine runtime packages; +name adds, -name removes' },
    { name: 'app', type: 'string', value: 'web|fastapi|cli', help: 'change the app kind recorded in the config' },
    { name: 'port', type: 'string', value: 'N', help: 'change the web port' },
    { name: 'bytecode', type: 'boolean', help: `change the bytecode choice: ${BYTECODE_HELP}` },
    { name: 'check', type: 'boolean', help: 'change nothing; exit 1 and print a diff when an update would change a file' },
    { name: 'dry-run', type: 'boolean', help: 'print the diff of what would change, change nothing' },
    { name: 'force', type: 'boolean', help: 'on conflict take the new render where both changed (other edits kept), with a .orig backup' },
    { name: 'keep', type: 'boolean', help: 'on conflict leave your file as it is and report' },
    { name: 'strict', type: 'boolean', help: 'exit 2 when a pin cannot build or import on the target, or a project cannot install on Alpine (else a warning)' },
    { name: 'json', type: 'boolean', help: 'machine-readable summary on stdout' },
    { name: 'interactive', type: 'boolean', help: 'ask how to resolve conflicts (--no-interactive never prompts)' },
    { name: 'help', short: 'h', type: 'boolean', help: 'show this help' },
  ],
};
