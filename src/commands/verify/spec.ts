/** Flags of `verify`. */
import type { CommandSpec } from '../../args/command-spec.ts';

export const VERIFY_SPEC: CommandSpec = {
  name: 'verify',
  usage: 'create-slim-python verify [DIR] [flags]',
  summary:
    'Build the project\'s image where a container engine runs (Docker, or podman as "docker"), start it\n' +
    'and prove it: GET /health answers 200 and the HEALTHCHECK reports healthy (web) or the app exits 0 (cli),\n' +
    'the real image size, a non-root user, and no compiler, -dev package, C headers or pip in the release\n' +
    'image. Everything verify starts is removed at the end, also on failure, Ctrl-C, SIGTERM or SIGHUP.',
  positionals: 1,
  flags: [
    { name: 'timeout', type: 'string', value: 'SECONDS', help: 'how long the app may take to answer /health (web) or to exit (cli)', default: '60' },
    { name: 'max-size', type: 'string', value: 'MB', help: 'fail when the image is larger (1 MB = 1,000,000 bytes)', default: 'report only' },
    { name: 'keep-image', type: 'boolean', help: 'keep the built image (its tag is printed) instead of removing it' },
    { name: 'docker', type: 'string', value: 'CMD', help: 'the docker CLI to run, e.g. podman', default: 'docker on PATH' },
    { name: 'quiet', short: 'q', type: 'boolean', help: 'do not show the build output (stderr)' },
    { name: 'json', type: 'boolean', help: 'a stable JSON document on stdout' },
    { name: 'help', short: 'h', type: 'boolean', help: 'show this help' },
  ],
};

export const VERIFY_EXIT_CODES_HELP = `
Exit codes:
  0    proven: every check passed
  1    a check failed (the table says which)
  2    invalid input, or no usable engine ("docker not found", no daemon, no buildx)
  130  cancelled (Ctrl-C) after removing what verify started
  143  stopped by SIGTERM (129: SIGHUP) after removing what verify started
  70   any other failure (set DEBUG=1 for a stack trace)
`;
