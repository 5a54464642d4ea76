/** The RUN-script extractor hands shellcheck exactly what Docker hands the shell. */
import { describe, expect, it } from 'vitest';
import { extractRunScripts } from '../support/linters.ts';

describe('extractRunScripts', () => {
  it('drops RUN flags, joins continuations like Docker and skips comment lines inside them', () => {
    const text = [
      'FROM python:3.12-alpine3.24 AS build',
      'RUN --mount=type=cache,target=/root/.cache/pip \\',
      '    python3 -m venv /opt/venv \\',
      '# a comment inside the instruction is removed by Docker',
      '    && echo done',
      '',
    ].join('\n');
    expect(extractRunScripts(text)).toEqual([
      {
        line: 2,
        script: 'python3 -m venv /opt/venv     && echo done',
        dialect: 'sh',
        shell: ['/bin/sh', '-c'],
        stage: 'build',
        flags: ['--mount=type=cache,target=/root/.cache/pip'],
      },
    ]);
  });

  it('uses the SHELL in effect per stage: ash is busybox, a new FROM resets to /bin/sh', () => {
    const text = [
      'FROM alpine:3.23 AS build',
      'RUN echo one',
      'SHELL ["/bin/ash", "-eo", "pipefail", "-c"]',
      'RUN echo two | cat',
      'FROM alpine:3.23 AS release',
      'RUN --mount=type=bind,from=build,source=/a,target=/b xargs -r echo < /b',
      '',
    ].join('\n');
    expect(extractRunScripts(text).map(({ line, dialect, script, shell, stage }) => [line, dialect, script, shell.join(' '), stage])).toEqual([
      [2, 'sh', 'echo one', '/bin/sh -c', 'build'],
      [4, 'busybox', 'echo two | cat', '/bin/ash -eo pipefail -c', 'build'],
      [6, 'sh', 'xargs -r echo < /b', '/bin/sh -c', 'release'],
    ]);
  });

  it('skips exec-form RUN (no shell runs it) and refuses an unknown SHELL instead of guessing', () => {
    expect(extractRunScripts('FROM alpine:3.23\nRUN ["echo", "x"]\n')).toEqual([]);
    expect(() => extractRunScripts('FROM alpine:3.23\nSHELL ["/usr/bin/fish", "-c"]\nRUN echo x\n')).toThrow(/no shellcheck dialect/);
  });
});
