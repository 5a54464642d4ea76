/** Flags of the default command (create a project): one table feeds parsing and --help. */
import type { CommandSpec } from '../../args/command-spec.ts';
import { DEFAULT_PYTHON, PYTHON_RUNTIMES } from '../../target/runtimes.ts';
import { BYTECODE_HELP, DEFAULT_PORT } from '../../target/defaults.ts';

export const CREATE_SPEC: CommandSpec = {
  name: 'create',
  usage:
    'create-slim-python [DIR] [flags]\n       create-slim-python init [DIR] [flags]\n       create-slim-python update [DIR] [flags]\n       create-slim-python explain [DIR] [flags]\n       create-slim-python verify [DIR] [flags]',
  summary: 'Scaffold a Python project with a tuned multi-stage Alpine Dockerfile.',
  positionals: 1,
  flags: [
    { name: 'name', type: 'string', value: 'NAME', help: 'project name (lowercase, digits, "-")', default: 'the directory name' },
    { name: 'python', type: 'string', value: 'X.Y', help: `Python runtime: ${PYTHON_RUNTIMES.map((r) => r.id).join(', ')}`, default: DEFAULT_PYTHON },
    { name: 'requirement', short: 'r', type: 'string', multiple: true, value: 'LINE', help: 'a PEP 508 requirement (repeatable)' },
    { name: 'requirements-file', type: 'string', value: 'PATH', help: 'import an existing requirements file (copied as is), or a pyproject.toml ([project] dependencies)' },
    { name: 'build-deps', type: 'string', value: 'a,b', help: 'Alpine build packages; +name adds to / -name removes from the inferred list', default: 'inferred' },
    { name: 'runtime-libs', type: 'string', value: 'a,b', help: 'Alpine runtime packages (dlopen libraries); +name / -name adjust', default: 'inferred' },
    {
      name: 'app',
      type: 'string',
      value: 'web|fastapi|cli',
      help: 'app skeleton: aiohttp web server, FastAPI on uvicorn, or command-line app (a web framework is added to the requirements)',
      default: 'web if aiohttp is required, fastapi if fastapi is, else cli',
    },
    { name: 'port', type: 'string', value: 'N', help: 'port of the web app', default: String(DEFAULT_PORT) },
    { name: 'bytecode', type: 'boolean', help: BYTECODE_HELP, default: 'on' },
    {
      name: 'online',
      type: 'boolean',
      help: "measure the release image's size before writing: installs the real wheels through your pip (explain --online --size shows the breakdown)",
    },
    { name: 'pip', type: 'string', value: 'PATH', help: 'pip executable for --online', default: 'pip3 or pip on PATH' },
    { name: 'yes', short: 'y', type: 'boolean', help: 'ask nothing (even in a terminal): every value not given takes its default' },
    { name: 'strict', type: 'boolean', help: 'exit 2 when a pin cannot build or import on the target, or a project cannot install on Alpine (else a warning)' },
    { name: 'dry-run', type: 'boolean', help: 'print the plan, write nothing' },
    { name: 'json', type: 'boolean', help: 'machine-readable summary on stdout' },
    { name: 'force', type: 'boolean', help: 'write into a non-empty directory, over the files this tool generates only' },
    { name: 'interactive', type: 'boolean', help: 'ask with prompts (--no-interactive never prompts)', default: 'when stdin and stdout are terminals and CI is unset' },
    { name: 'help', short: 'h', type: 'boolean', help: 'show this help' },
    { name: 'version', short: 'v', type: 'boolean', help: 'print the version' },
  ],
};
