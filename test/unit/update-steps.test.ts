/**
 * update's orchestration in-process (issue #9, item 5): runUpdate with an injected Io and a
 * scripted prompter resolving a conflict, checked by the exact question, the exact report and
 * the files left on disk. The project is made in-process by runCreate; no CLI is spawned.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCreate } from '../../src/commands/create/index.ts';
import { runUpdate } from '../../src/commands/update/index.ts';
import { CancelledError, ConflictError, OutOfDateError } from '../../src/errors.ts';
import { createCancellation } from '../../src/io/cancel.ts';
import type { Io } from '../../src/io/io.ts';
import { PromptClosedError, type Prompter } from '../../src/io/prompter.ts';
import { questionsOf, scriptedPrompter } from '../support/scripted-prompter.ts';

let work: string;
let app: string;
const read = (path: string) => readFileSync(join(app, path), 'utf8');
const write = (path: string, text: string) => writeFileSync(join(app, path), text);

/** An Io over in-memory streams; stdin is an open pipe, so nothing is interactive unless asked. */
function memoryIo(prompter?: Prompter): { io: Io; out: () => string; err: () => string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk) => (out += chunk));
  stderr.on('data', (chunk) => (err += chunk));
  const io: Io = { cwd: work, env: {}, stdin: new PassThrough(), stdout, stderr, cancel: createCancellation(), ...(prompter ? { prompter } : {}) };
  return { io, out: () => out, err: () => err };
}

beforeEach(async () => {
  work = mkdtempSync(join(tmpdir(), 'csp-update-steps-'));
  app = join(work, 'app');
  const created = memoryIo();
  expect(await runCreate(['app', '--yes', '--python', '3.12', '--requirement', 'cryptography', '--requirement', 'aiohttp'], created.io)).toBe(0);
  expect(created.err()).toBe('');
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

const GENERATED_APK_LINE = '    xargs apk add --no-cache ca-certificates tzdata < /tmp/runtime-deps';
// Not only a package: -t too, so no recognised apk edit and a real conflict with the regeneration.
const EDITED_APK_LINE = '    xargs -t apk add --no-cache ca-certificates tzdata tini < /tmp/runtime-deps';
const REGENERATED_APK_LINE = '    xargs apk add --no-cache ca-certificates tzdata libmagic < /tmp/runtime-deps';

/** Edits the release stage's apk line and adds python-magic (libmagic at run time): both change the same line. */
function makeConflict(): string {
  const original = read('Dockerfile');
  expect(original.split('\n')).toContain(GENERATED_APK_LINE);
  const edited = original.replace(GENERATED_APK_LINE, EDITED_APK_LINE);
  write('Dockerfile', edited);
  write('requirements.txt', 'aiohttp\npython-magic\n');
  return edited;
}

const CONFLICT_DIFF = [
  '--- a/Dockerfile',
  '+++ b/Dockerfile',
  '@@ -88,9 +88,10 @@',
  ' # Packages: the so: names scanelf found in the build stage, and:',
  ' #   ca-certificates: the CA certificates (and update-ca-certificates) TLS clients verify servers with',
  ' #   tzdata: time zones for zoneinfo and TZ',
  '+#   libmagic: loaded by python-magic',
  ' # hadolint ignore=DL3018',
  ' RUN --mount=type=bind,from=build,source=/tmp/runtime-deps,target=/tmp/runtime-deps \\',
  `-${EDITED_APK_LINE}`,
  `+${REGENERATED_APK_LINE}`,
  ' COPY --from=build /opt/python /usr/local',
  ' COPY --from=build /opt/venv /opt/venv',
  ' ', // the blank line after it, as context
  '',
].join('\n');

const TINI_NOTE = '  you added tini to a generated apk add line: `update --runtime-libs +tini` records it, so regenerations keep it without a hand edit';
const LIBMAGIC_CHANGE = '  added libmagic (runtime) because python-magic needs it at run time';

const CONFLICT_QUESTION = {
  message: 'Dockerfile: your edits and the regeneration changed the same lines',
  default: 'keep',
  choices: ['keep my file as it is', 'take the new render where both changed (my file is saved as a .orig backup)', 'write conflict markers and resolve by hand'],
  values: ['keep', 'force', 'markers'],
};

describe('update resolves a conflict with the answer given at the prompt', () => {
  it('shows the diff, asks once, and "force" takes the new render, keeping a .orig backup', async () => {
    const edited = makeConflict();
    const prompter = scriptedPrompter(['force']);
    const run = memoryIo(prompter);
    expect(await runUpdate([app, '--interactive'], run.io)).toBe(0);
    expect(prompter.asked).toEqual([{ kind: 'select', ...CONFLICT_QUESTION }]);
    expect(run.out()).toBe(
      `${CONFLICT_DIFF}${[
        'Dockerfile: conflict: took the new render where both changed, kept your other edits (yours saved as Dockerfile.orig)',
        TINI_NOTE,
        '.dockerignore: up to date',
        LIBMAGIC_CHANGE,
      ].join('\n')}\n`,
    );
    expect(run.err()).toBe('');
    expect(read('Dockerfile.orig')).toBe(edited);
    expect(read('Dockerfile').split('\n')).toContain(REGENERATED_APK_LINE);
    expect(read('Dockerfile')).not.toContain('tini');
    // Written through: the next run has nothing to do and asks nothing.
    const again = scriptedPrompter([]);
    const next = memoryIo(again);
    expect(await runUpdate([app, '--interactive'], next.io)).toBe(0);
    expect(again.asked).toEqual([]);
    expect(next.out()).toBe('Dockerfile: up to date\n.dockerignore: up to date\n');
  });

  it('"keep" leaves the file as it is, with no backup', async () => {
    const edited = makeConflict();
    const prompter = scriptedPrompter(['keep']);
    const run = memoryIo(prompter);
    expect(await runUpdate([app, '--interactive'], run.io)).toBe(0);
    expect(questionsOf(prompter)).toEqual([['select', CONFLICT_QUESTION.message, 'keep']]);
    expect(run.out()).toBe(`${CONFLICT_DIFF}${['Dockerfile: conflict: kept your file unchanged', TINI_NOTE, '.dockerignore: up to date', LIBMAGIC_CHANGE].join('\n')}\n`);
    expect(read('Dockerfile')).toBe(edited);
    expect(existsSync(join(app, 'Dockerfile.orig'))).toBe(false);
  });

  it('"markers" writes conflict markers and fails with the lines to resolve', async () => {
    makeConflict();
    const run = memoryIo(scriptedPrompter(['markers']));
    const failure = runUpdate([app, '--interactive'], run.io);
    await expect(failure).rejects.toBeInstanceOf(ConflictError);
    const error = (await failure.catch((caught: unknown) => caught)) as ConflictError;
    const [, start, end] =
      /^conflicts in Dockerfile lines (\d+)-(\d+): edit the file to resolve them, then run update again \(or rerun with --force or --keep\)$/.exec(error.message) ?? [];
    expect(start).toBeDefined();
    const lines = read('Dockerfile').split('\n');
    expect(lines[Number(start) - 1]).toBe('<<<<<<< Dockerfile (yours)');
    expect(lines[Number(end) - 1]).toBe('>>>>>>> Dockerfile (generated now)');
    expect(lines.slice(Number(start), Number(end) - 1)).toContain(EDITED_APK_LINE);
    expect(lines.slice(Number(start), Number(end) - 1)).toContain(REGENERATED_APK_LINE);
    expect(run.out()).toContain('Dockerfile: conflict: conflict markers written\n');
  });

  it('the input ending at the prompt keeps the file (the safe answer)', async () => {
    const edited = makeConflict();
    const prompter = scriptedPrompter([
      () => {
        throw new PromptClosedError();
      },
    ]);
    const run = memoryIo(prompter);
    expect(await runUpdate([app, '--interactive'], run.io)).toBe(0);
    expect(run.out()).toContain('Dockerfile: conflict: kept your file unchanged\n');
    expect(read('Dockerfile')).toBe(edited);
  });

  it('Ctrl-C at the prompt cancels before anything is written', async () => {
    const edited = makeConflict();
    const config = read('slim-python.json');
    const prompter = scriptedPrompter([
      () => {
        throw new CancelledError();
      },
    ]);
    await expect(runUpdate([app, '--interactive'], memoryIo(prompter).io)).rejects.toThrow(new CancelledError('cancelled: nothing was written'));
    expect(read('Dockerfile')).toBe(edited);
    expect(read('slim-python.json')).toBe(config);
    expect(existsSync(join(app, 'Dockerfile.orig'))).toBe(false);
  });

  it('without a terminal nothing is asked: markers, and the conflict fails the run', async () => {
    makeConflict();
    const prompter = scriptedPrompter([]);
    const run = memoryIo(prompter);
    await expect(runUpdate([app], run.io)).rejects.toBeInstanceOf(ConflictError);
    expect(prompter.asked).toEqual([]);
    expect(read('Dockerfile')).toContain('<<<<<<< Dockerfile (yours)');
  });

  it('--keep and --force answer without asking', async () => {
    const edited = makeConflict();
    const prompter = scriptedPrompter([]);
    const kept = memoryIo(prompter);
    expect(await runUpdate([app, '--interactive', '--keep'], kept.io)).toBe(0);
    expect(prompter.asked).toEqual([]);
    expect(kept.out()).toBe(['Dockerfile: conflict: kept your file unchanged', TINI_NOTE, '.dockerignore: up to date', LIBMAGIC_CHANGE, ''].join('\n'));
    expect(read('Dockerfile')).toBe(edited);
    const forced = memoryIo(prompter);
    expect(await runUpdate([app, '--force'], forced.io)).toBe(0);
    expect(forced.out().split('\n')[0]).toBe('Dockerfile: conflict: took the new render where both changed, kept your other edits (yours saved as Dockerfile.orig)');
    expect(read('Dockerfile.orig')).toBe(edited);
  });
});

describe('update without conflicts', () => {
  it('--check reports what would change, with the diff, and fails as out of date; nothing is written', async () => {
    write('requirements.txt', 'aiohttp\npython-magic\n');
    const dockerfile = read('Dockerfile');
    const run = memoryIo();
    await expect(runUpdate([app, '--check'], run.io)).rejects.toThrow(new OutOfDateError('out of date: run "npx create-slim-python update" and commit the result'));
    const [first, second, third, ...diff] = run.out().split('\n');
    expect([first, second, third]).toEqual(['Dockerfile: would be regenerated', '.dockerignore: up to date', LIBMAGIC_CHANGE]);
    expect(diff.slice(0, 2)).toEqual(['--- a/Dockerfile', '+++ b/Dockerfile']);
    expect(diff).toContain(`-${GENERATED_APK_LINE}`);
    expect(diff).toContain(`+${REGENERATED_APK_LINE}`);
    expect(read('Dockerfile')).toBe(dockerfile);
  });

  it('regenerates an unedited file and asks nothing', async () => {
    write('requirements.txt', 'aiohttp\npython-magic\n');
    const prompter = scriptedPrompter([]);
    const run = memoryIo(prompter);
    expect(await runUpdate([app, '--interactive'], run.io)).toBe(0);
    expect(prompter.asked).toEqual([]);
    expect(run.out()).toBe(['Dockerfile: regenerated', '.dockerignore: up to date', LIBMAGIC_CHANGE, ''].join('\n'));
    expect(read('Dockerfile').split('\n')).toContain(REGENERATED_APK_LINE);
    const check = memoryIo();
    expect(await runUpdate([app, '--check'], check.io)).toBe(0);
    expect(check.out()).toBe('Dockerfile: up to date\n.dockerignore: up to date\n');
  });
});
