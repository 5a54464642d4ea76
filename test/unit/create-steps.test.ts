/**
 * The create steps in-process with a scripted prompter (issue #9, item 5): which questions are
 * asked, in which order, with which defaults and choices; what their validators say; and the
 * exact answers gathered. No CLI is spawned and nothing is written.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseCommandArgs } from '../../src/args/parse.ts';
import { CREATE_SPEC } from '../../src/commands/create/spec.ts';
import { gatherAnswers, type CreateAnswers } from '../../src/commands/create/gather-answers.ts';
import { askApp, askBytecode, askDirectory, askPort, askPython, askRequirementsStep, type StepContext } from '../../src/commands/create/steps.ts';
import { askApkList, askRequirements } from '../../src/commands/create/ask-lists.ts';
import { chooseTarget, unusableTarget } from '../../src/commands/create/ask-target.ts';
import { CancelledError, ConflictError, UsageError } from '../../src/errors.ts';
import { questionsOf, scriptedPrompter, type AskedQuestion, type ScriptedPrompter } from '../support/scripted-prompter.ts';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function workDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'csp-steps-'));
  made.push(dir);
  return dir;
}

/** gatherAnswers over parsed argv, from a fresh working directory. */
async function gather(argv: string[], prompter: ScriptedPrompter | null, cwd = workDir()): Promise<{ answers: CreateAnswers; cwd: string }> {
  const answers = await gatherAnswers({ args: parseCommandArgs(CREATE_SPEC, argv), cwd, env: {}, prompter });
  return { answers, cwd };
}

/** A StepContext over parsed argv; `missing` collects what `need` records. */
function stepContext(argv: string[], prompter: ScriptedPrompter | null, cwd = workDir()): StepContext & { missing: string[] } {
  const { flags, positionals } = parseCommandArgs(CREATE_SPEC, argv);
  const missing: string[] = [];
  return { flags, positionals, cwd, env: {}, prompter, need: (flag) => missing.push(flag), missing };
}

const PYTHON_CHOICES = [
  'CPython 3.15 (python:3.15-alpine3.24)',
  'CPython 3.14 (python:3.14-alpine3.24)',
  'CPython 3.13 (python:3.13-alpine3.24)',
  'CPython 3.12 (python:3.12-alpine3.24)',
  'CPython 3.11 (python:3.11-alpine3.24)',
  'CPython 3.10 (python:3.10-alpine3.24)',
  "Alpine's own python3 package (apk, CPython 3.14 on alpine:3.24)",
];

function validatorOf(prompter: ScriptedPrompter, index: number): NonNullable<AskedQuestion['validate']> {
  const validate = prompter.asked[index]?.validate;
  if (!validate) throw new Error(`question ${index} has no validator`);
  return validate;
}

describe('gatherAnswers, interactive', () => {
  it('asks every question in order, with its default, and gathers the answers', async () => {
    const prompter = scriptedPrompter([
      'shop',
      '3.12',
      'type',
      'cryptography',
      'psycopg2',
      '',
      ['build-base'], // libpq-dev unchecked
      '',
      ['libpq'],
      'curl',
      'web',
      '8081',
      false,
    ]);
    const { answers, cwd } = await gather([], prompter);
    expect(questionsOf(prompter)).toEqual([
      ['input', 'Project directory (its name is the project name)', 'slim-python-app'],
      ['select', 'Python runtime', '3.14'],
      ['select', 'Requirements', 'type'],
      ['input', 'Requirement (e.g. cryptography>=42; empty to finish)', undefined],
      ['input', 'Another requirement (empty to finish)', undefined],
      ['input', 'Another requirement (empty to finish)', undefined],
      ['checkbox', 'Alpine build dependencies (inferred from the requirements; uncheck to remove)', undefined],
      ['input', 'Alpine build dependencies: extra packages (comma-separated, empty for none)', ''],
      ['checkbox', 'Alpine runtime libraries (inferred from the requirements; uncheck to remove)', undefined],
      ['input', 'Alpine runtime libraries: extra packages (comma-separated, empty for none)', ''],
      ['select', 'App kind', 'cli'],
      ['input', 'Port the web app listens on', '8080'],
      ['confirm', 'Compile bytecode at build time? (imports about 3x faster, about 4 MB more; No: smallest image)', true],
    ]);
    expect(prompter.remaining()).toBe(0);
    expect(prompter.asked[1]!.choices).toEqual(PYTHON_CHOICES);
    expect(prompter.asked[2]!.choices).toEqual(['type them, one PEP 508 requirement per entry', 'import an existing requirements file', 'none for now']);
    // The inferred packages come pre-checked, from psycopg2 compiling on Alpine.
    expect(prompter.asked[6]!.choices).toEqual(['build-base [x]', 'libpq-dev [x]']);
    expect(prompter.asked[8]!.choices).toEqual(['libpq [x]']);
    expect(prompter.asked[10]!.choices).toEqual([
      'aiohttp web server (adds aiohttp to the requirements)',
      'FastAPI web server (uvicorn) (adds fastapi and uvicorn to the requirements)',
      'command-line app',
    ]);
    expect(prompter.asked[10]!.values).toEqual(['web', 'fastapi', 'cli']);

    expect(answers).toMatchObject({
      dir: join(cwd, 'shop'),
      force: false,
      name: 'shop',
      python: '3.12',
      arches: ['x86_64', 'aarch64'],
      requirementsText: 'cryptography\npsycopg2\naiohttp\n',
      buildDeps: { add: [], remove: ['libpq-dev'] },
      runtimeLibs: { add: ['curl'], remove: [] },
      app: 'web',
      port: 8081,
      addedRequirements: ['aiohttp'],
      bytecode: false,
    });
    expect(answers.requirements.map((requirement) => requirement.name)).toEqual(['cryptography', 'psycopg2', 'aiohttp']);
    expect(answers.inferred.build).toEqual(['build-base', 'libpq-dev']);
    expect(answers.inferred.runtime).toEqual(['libpq']);
    // Decided again with the added aiohttp: its dependencies are in the decisions too.
    expect(answers.inferred.decisions.packages.map((item) => `${item.name} ${item.status}`)).toEqual([
      'aiohttp wheel',
      'cffi wheel',
      'cryptography wheel',
      'frozenlist wheel',
      'multidict wheel',
      'propcache wheel',
      'psycopg2 compile',
      'yarl wheel',
    ]);
  });

  it('asks nothing a flag answers', async () => {
    const prompter = scriptedPrompter([]);
    const { answers, cwd } = await gather(
      ['api', '--python', '3.13', '-r', 'aiohttp', '--build-deps', '', '--runtime-libs', '+tzdata', '--app', 'web', '--port', '9000', '--no-bytecode'],
      prompter,
    );
    expect(prompter.asked).toEqual([]);
    expect(answers).toMatchObject({
      dir: join(cwd, 'api'),
      name: 'api',
      python: '3.13',
      requirementsText: 'aiohttp\n',
      buildDeps: { add: [], remove: [] },
      runtimeLibs: { add: ['tzdata'], remove: [] },
      app: 'web',
      port: 9000,
      addedRequirements: [],
      bytecode: false,
    });
  });

  it('a bad flag value fails before the first question', async () => {
    const prompter = scriptedPrompter(['shop']);
    await expect(gather(['--port', '80'], prompter)).rejects.toThrow(
      new UsageError('invalid port "80" in --port: use a number from 1024 to 65535 (the app runs as a non-root user)'),
    );
    expect(prompter.asked).toEqual([]);
  });

  it('"none for now" asks no requirement and no package list, and defaults the app to cli (no port asked)', async () => {
    const prompter = scriptedPrompter(['tool', '3.14', 'none', '', '', 'cli', true]);
    const { answers } = await gather([], prompter);
    expect(questionsOf(prompter).map(([kind, message]) => `${kind}: ${message}`)).toEqual([
      'input: Project directory (its name is the project name)',
      'select: Python runtime',
      'select: Requirements',
      'input: Alpine build dependencies: extra packages (comma-separated, empty for none)',
      'input: Alpine runtime libraries: extra packages (comma-separated, empty for none)',
      'select: App kind',
      'confirm: Compile bytecode at build time? (imports about 3x faster, about 4 MB more; No: smallest image)',
    ]);
    expect(answers).toMatchObject({ name: 'tool', python: '3.14', requirementsText: '', app: 'cli', port: null, addedRequirements: [], bytecode: true });
  });
});

describe('gatherAnswers without prompts', () => {
  it('names every missing flag at once, without --yes', async () => {
    await expect(gather([], null)).rejects.toThrow(
      new UsageError('missing DIR (the first argument), --python, --requirement (or --requirements-file), --app: pass them, or --yes to accept the defaults (see --help)'),
    );
  });

  it('takes the defaults with --yes', async () => {
    const { answers, cwd } = await gather(['--yes'], null);
    expect(answers).toMatchObject({
      dir: join(cwd, 'slim-python-app'),
      force: false,
      name: 'slim-python-app',
      python: '3.14',
      requirementsText: '',
      buildDeps: { add: [], remove: [] },
      runtimeLibs: { add: [], remove: [] },
      app: 'cli',
      port: null,
      addedRequirements: [],
      bytecode: true,
    });
    expect(answers.inferred.build).toEqual([]);
  });

  it('with --yes, aiohttp in the requirements makes a web app on port 8080', async () => {
    const { answers } = await gather(['svc', '--yes', '-r', 'aiohttp'], null);
    expect(answers).toMatchObject({ app: 'web', port: 8080, addedRequirements: [] });
  });
});

describe('the directory step', () => {
  it('validates the typed directory: the name, then what is there', async () => {
    const cwd = workDir();
    writeFileSync(join(cwd, 'notes'), 'a file\n');
    const prompter = scriptedPrompter(['fresh']);
    await askDirectory(stepContext([], prompter, cwd));
    const validate = validatorOf(prompter, 0);
    expect(await validate('fresh')).toBe(true);
    expect(await validate('  fresh  ')).toBe(true);
    expect(await validate('My App')).toBe('the name must start with a lowercase letter and use only lowercase letters, digits and "-"');
    expect(await validate('app-')).toBe('the name ends with "-"');
    expect(await validate('notes')).toBe('notes exists and is not a directory: choose another');
  });

  it('a non-empty directory offers another directory, writing only the generated files, or cancelling', async () => {
    const cwd = workDir();
    mkdirSync(join(cwd, 'taken'));
    writeFileSync(join(cwd, 'taken', 'main.py'), 'print("mine")\n');
    const prompter = scriptedPrompter(['other', 'fresh']);
    const context = stepContext(['taken'], prompter, cwd);
    expect(await askDirectory(context)).toEqual({ dir: join(cwd, 'fresh'), name: 'fresh', force: false });
    expect(questionsOf(prompter)).toEqual([
      ['select', `${join(cwd, 'taken')} is not empty`, 'other'],
      ['input', 'Project directory (its name is the project name)', 'slim-python-app'],
    ]);
    expect(prompter.asked[0]!.choices).toEqual([
      'choose another directory',
      'write only the generated files into it (each file replaced is kept as a .orig backup; nothing else is touched)',
      'cancel',
    ]);
    expect(context.missing).toEqual([]);

    const forcing = scriptedPrompter(['force']);
    expect(await askDirectory(stepContext(['taken'], forcing, cwd))).toEqual({ dir: join(cwd, 'taken'), name: 'taken', force: true });

    await expect(askDirectory(stepContext(['taken'], scriptedPrompter(['cancel']), cwd))).rejects.toThrow(new CancelledError());
  });

  it('without prompts a non-empty directory is refused at once, and --force takes it', async () => {
    const cwd = workDir();
    mkdirSync(join(cwd, 'taken'));
    writeFileSync(join(cwd, 'taken', 'main.py'), 'print("mine")\n');
    await expect(chooseTarget(join(cwd, 'taken'), { prompter: null, force: false })).rejects.toThrow(
      new ConflictError(`${join(cwd, 'taken')} is not empty (main.py): choose an empty or new DIR, or pass --force to write over the generated files only`),
    );
    await expect(chooseTarget(join(cwd, 'taken'), { prompter: null, force: false })).rejects.toBeInstanceOf(ConflictError);
    expect(await chooseTarget(join(cwd, 'taken'), { prompter: null, force: true })).toBe('ok');
    expect(await chooseTarget(join(cwd, 'absent'), { prompter: null, force: false })).toBe('ok');
    expect(unusableTarget(join(cwd, 'taken', 'main.py'))).toBe('exists and is not a directory: choose another');
    expect(unusableTarget(join(cwd, 'absent'))).toBeNull();
  });

  it('without prompts and without DIR, records DIR as missing and uses --name or the default', async () => {
    const context = stepContext(['--name', 'named'], null);
    expect(await askDirectory(context)).toEqual({ dir: join(context.cwd, 'named'), name: 'named', force: false });
    expect(context.missing).toEqual(['DIR (the first argument)']);
  });
});

describe('the other steps', () => {
  it('python: the flag, else a select defaulting to 3.14, else missing', async () => {
    expect((await askPython(stepContext(['--python', '3.11'], scriptedPrompter([])))).id).toBe('3.11');
    const prompter = scriptedPrompter(['3.10']);
    expect((await askPython(stepContext([], prompter))).id).toBe('3.10');
    expect(questionsOf(prompter)).toEqual([['select', 'Python runtime', '3.14']]);
    expect(prompter.asked[0]!.values).toEqual(['3.15', '3.14', '3.13', '3.12', '3.11', '3.10', 'alpine']);
    const context = stepContext([], null);
    expect((await askPython(context)).id).toBe('3.14');
    expect(context.missing).toEqual(['--python']);
  });

  it('requirements: lines and a file are exclusive; a file is imported as it is', async () => {
    const cwd = workDir();
    writeFileSync(join(cwd, 'reqs.txt'), '# pinned\nyarl==1.9.4\n');
    await expect(askRequirementsStep(stepContext(['-r', 'yarl', '--requirements-file', 'reqs.txt'], null, cwd))).rejects.toThrow(
      new UsageError('pass either --requirement lines or --requirements-file, not both'),
    );
    const imported = await askRequirementsStep(stepContext(['--requirements-file', 'reqs.txt'], null, cwd));
    expect(imported.text).toBe('# pinned\nyarl==1.9.4\n');
    expect(imported.requirements.map((requirement) => `${requirement.name} ${requirement.specifiers.join(',')}`)).toEqual(['yarl ==1.9.4']);
  });

  it('typed requirements are checked as typed, the message naming the problem only', async () => {
    const prompter = scriptedPrompter(['type', 'flask', '']);
    const { text } = await askRequirements(prompter, workDir(), {});
    expect(text).toBe('flask\n');
    const validate = validatorOf(prompter, 2);
    expect(await validate('')).toBe(true);
    expect(await validate('requests[socks]>=2.31')).toBe(true);
    expect(await validate('requests>=')).toBe('Invalid requirement "requests>=": Expected semicolon (after name with no version specifier) or end (at character 9)');
    expect(await validate('requests ; python_version >')).toBe('Invalid requirement "requests ; python_version >": Expected a marker variable or quoted string (at character 28)');
  });

  it('an imported file is asked for again until it can be read', async () => {
    const cwd = workDir();
    writeFileSync(join(cwd, 'requirements.txt'), 'aiohttp\n');
    const prompter = scriptedPrompter(['file', ' requirements.txt ']);
    const result = await askRequirements(prompter, cwd, {});
    expect(result.text).toBe('aiohttp\n');
    expect(questionsOf(prompter)).toEqual([
      ['select', 'Requirements', 'type'],
      ['input', 'Path of the requirements file', undefined],
    ]);
    const validate = validatorOf(prompter, 1);
    expect(await validate('  ')).toBe('enter a path');
    expect(await validate('requirements.txt')).toBe(true);
    expect(await validate('missing.txt')).toBe(`cannot read --requirements-file ${join(cwd, 'missing.txt')}: no such file`);
  });

  it('package lists: unchecking removes, extra names add, bad names are refused at the prompt', async () => {
    const prompter = scriptedPrompter([['build-base'], 'musl-dev, linux-headers']);
    expect(await askApkList(prompter, 'Alpine build dependencies', ['build-base', 'libffi-dev'])).toEqual({ add: ['linux-headers', 'musl-dev'], remove: ['libffi-dev'] }); // sorted
    const validate = validatorOf(prompter, 1);
    expect(await validate('')).toBe(true);
    expect(await validate('curl,tzdata')).toBe(true);
    expect(await validate('Bad Name')).toBe(
      'invalid Alpine package name "Bad" in this list: use names like "libpq" or "so:libmagic.so.1" (lowercase letters, digits, ".", "_", "+", "-")',
    );
    expect(await validate('curl;rm')).toBe(
      'invalid Alpine package name "curl;rm" in this list: use names like "libpq" or "so:libmagic.so.1" (lowercase letters, digits, ".", "_", "+", "-")',
    );
    // Nothing inferred: no checkbox, only the extra names.
    const empty = scriptedPrompter(['']);
    expect(await askApkList(empty, 'Alpine runtime libraries', [])).toEqual({ add: [], remove: [] });
    expect(questionsOf(empty)).toEqual([['input', 'Alpine runtime libraries: extra packages (comma-separated, empty for none)', '']]);
  });

  it('app: the default follows the requirements (aiohttp first, then fastapi, else cli)', async () => {
    const ask = async (names: string[]) => {
      const prompter = scriptedPrompter([(question: AskedQuestion) => question.default]);
      const { requirements } = await askRequirementsStep(
        stepContext(
          names.flatMap((name) => ['-r', name]),
          null,
        ),
      );
      return { app: await askApp(stepContext([], prompter), requirements), choices: prompter.asked[0]!.choices };
    };
    expect(await ask(['fastapi', 'aiohttp'])).toEqual({
      app: 'web',
      choices: ['aiohttp web server', 'FastAPI web server (uvicorn) (adds uvicorn to the requirements)', 'command-line app'],
    });
    expect((await ask(['fastapi', 'uvicorn'])).app).toBe('fastapi');
    expect((await ask(['requests'])).app).toBe('cli');
  });

  it('port: asked for web apps only, validated at the prompt', async () => {
    await expect(askPort(stepContext(['--port', '9000'], null), 'cli')).rejects.toThrow(new UsageError('--port applies only to web apps (--app web or --app fastapi)'));
    expect(await askPort(stepContext([], scriptedPrompter([])), 'cli')).toBeNull();
    const prompter = scriptedPrompter([' 9090 ']);
    expect(await askPort(stepContext([], prompter), 'fastapi')).toBe(9090);
    const validate = validatorOf(prompter, 0);
    expect(await validate('8080')).toBe(true);
    expect(await validate('80')).toBe('invalid port "80": use a number from 1024 to 65535 (the app runs as a non-root user)');
    const context = stepContext([], null);
    expect(await askPort(context, 'web')).toBe(8080);
    expect(context.missing).toEqual(['--port']);
  });

  it('bytecode: never missing without prompts (on), else a confirm defaulting to yes', async () => {
    const context = stepContext([], null);
    expect(await askBytecode(context)).toBe(true);
    expect(context.missing).toEqual([]);
    expect(await askBytecode(stepContext(['--no-bytecode'], scriptedPrompter([])))).toBe(false);
    const prompter = scriptedPrompter([false]);
    expect(await askBytecode(stepContext([], prompter))).toBe(false);
    expect(questionsOf(prompter)).toEqual([['confirm', 'Compile bytecode at build time? (imports about 3x faster, about 4 MB more; No: smallest image)', true]]);
  });
});
