/** Flags of `init`: adopt an existing project. One table feeds parsing and --help. */
import type { CommandSpec } from '../../args/command-spec.ts';
import { PYTHON_RUNTIMES } from '../../target/runtimes.ts';

export const INIT_SPEC: CommandSpec = {
  name: 'init',
  usage: 'create-slim-python init [DIR] [flags]',
  summary:
    'Write the slim Dockerfile for an existing Python project in DIR (default: the current directory).\n' +
    'Only Dockerfile, .dockerignore, slim-python.json and .slim-python/ are written; nothing else is touched.',
  positionals: 1,
  flags: [
    { name: 'name', type: 'string', value: 'NAME', help: 'project name (lowercase, digits, "-")', default: "pyproject.toml's name, else the directory name" },
    {
      name: 'python',
      type: 'string',
      value: 'X.Y',
      help: `Python runtime: ${PYTHON_RUNTIMES.map((r) => r.id).join(', ')}`,
      default: '.python-version, else requires-python, else 3.14',
    },
    { name: 'requirements-file', type: 'string', value: 'PATH', help: 'the dependencies: a requirements file or a pyproject.toml inside DIR', default: 'detected' },
    { name: 'pyproject', type: 'boolean', help: "take the dependencies from pyproject.toml's [project] dependencies" },
    {
      name: 'install-project',
      type: 'boolean',
      help: 'pip install the project itself (a package) in the build stage (--no-install-project: never)',
      default: 'when pyproject.toml has [build-system] or setup.py exists',
    },
    { name: 'cmd', type: 'string', value: 'COMMAND', help: 'what the container runs: as typed in a shell (split without one) or a JSON array', default: 'detected' },
    { name: 'port', type: 'string', value: 'N', help: 'port a server listens on (EXPOSE, ENV PORT)', default: "the detected server's" },
    { name: 'health', type: 'string', value: '/PATH', help: 'add a HEALTHCHECK requesting this path (servers only)' },
    { name: 'build-deps', type: 'string', value: 'a,b', help: 'Alpine build packages; +name adds to / -name removes from the inferred list', default: 'inferred' },
    { name: 'runtime-libs', type: 'string', value: 'a,b', help: 'Alpine runtime packages (dlopen libraries); +name / -name adjust', default: 'inferred' },
    { name: 'yes', short: 'y', type: 'boolean', help: 'accept the default for every value not given or detected' },
    { name: 'dry-run', type: 'boolean', help: 'print the plan, write nothing' },
    { name: 'json', type: 'boolean', help: 'machine-readable summary on stdout' },
    { name: 'force', type: 'boolean', help: 'replace existing Dockerfile/.dockerignore/slim-python.json, keeping each as a numbered .orig backup' },
    { name: 'interactive', type: 'boolean', help: 'ask with prompts (--no-interactive never prompts)', default: 'when stdin and stdout are terminals and CI is unset' },
    { name: 'help', short: 'h', type: 'boolean', help: 'show this help' },
  ],
};
