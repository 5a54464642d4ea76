/**
 * The steps update names in the user's own files after --port or --app (src/plan/your-files.ts,
 * until now reached only by e2e runs of the bundle), in-process. README "update": the summary
 * lists, under `Your files`, each line of README.md and MODULE/__main__.py that still says the old
 * port, a skeleton that is still the old app kind, and the requirements the new kind needs.
 * The texts are hand-written; line numbers, labels and messages are literal.
 */
import { describe, expect, it } from 'vitest';
import type { ProjectConfig } from '../../src/project/config.ts';
import { formatYourFileSteps, planYourFileSteps, yourFilePaths } from '../../src/plan/your-files.ts';
import { projectConfig } from '../support/project-config.ts';

const BASE: ProjectConfig = projectConfig({ app: 'web', port: 8080 });
const WEB = BASE;
const FASTAPI: ProjectConfig = { ...BASE, app: 'fastapi' };
const CLI: ProjectConfig = { ...BASE, app: 'cli', port: null };
const at = (port: number, config: ProjectConfig = WEB): ProjectConfig => ({ ...config, port });

/** The user's files: README.md and my_app/__main__.py (absent when not given). */
function texts(readme: string | null, main: string | null): Map<string, string | null> {
  const map = new Map<string, string | null>();
  if (readme !== null) map.set('README.md', readme);
  if (main !== null) map.set('my_app/__main__.py', main);
  return map;
}
const steps = (before: ProjectConfig, after: ProjectConfig, names: string[], readme: string | null, main: string | null) =>
  planYourFileSteps(before, after, new Set(names), texts(readme, main));

const WEB_README = [
  '# my-app',
  '',
  'An aiohttp web service with a slim multi-stage Alpine Docker image,',
  'docker run --rm -p 8080:8080 my-app',
  'curl http://localhost:8080/health',
  '',
].join('\n');
const WEB_MAIN = ['import os', 'from aiohttp import web', '', "PORT = int(os.environ.get('PORT', '8080'))", 'web.run_app(app, port=PORT)', ''].join('\n');
const CLI_README = ['# my-app', '', 'A command-line program with a slim multi-stage Alpine Docker image,', 'It prints null on empty input.', ''].join('\n');
const CLI_MAIN = ['import argparse', '', 'parser = argparse.ArgumentParser(prog="my-app")', ''].join('\n');
const FASTAPI_README = ['# my-app', '', 'A FastAPI web service served by uvicorn, on port 8080.', ''].join('\n');

describe('yourFilePaths', () => {
  it('README.md and the package main module (dashes become underscores)', () => {
    expect(yourFilePaths(CLI)).toEqual(['README.md', 'my_app/__main__.py']);
  });
});

describe('planYourFileSteps: --port', () => {
  it('names each line that still says the old port, not a longer number holding it', () => {
    const readme = ['port 8080', 'port 18080 and 80801', 'no port here', 'again 8080, and :8080/'].join('\n');
    expect(steps(WEB, at(9000), ['aiohttp'], readme, WEB_MAIN)).toEqual([
      { path: 'README.md', lines: [1, 4], text: 'still say port 8080; change to 9000' },
      { path: 'my_app/__main__.py', lines: [4], text: 'still says port 8080; change to 9000 (the default outside Docker; the image sets PORT=9000)' },
    ]);
  });

  it('lines split at LF and at CRLF, numbered from 1', () => {
    expect(steps(WEB, at(9000), ['aiohttp'], 'a\r\nb\r\nport 8080\r\n', 'x\ny\nz\n8080\n8080\n')).toEqual([
      { path: 'README.md', lines: [3], text: 'still says port 8080; change to 9000' },
      { path: 'my_app/__main__.py', lines: [4, 5], text: 'still say port 8080; change to 9000 (the default outside Docker; the image sets PORT=9000)' },
    ]);
  });

  it('only the file that still says it gets a step', () => {
    expect(steps(WEB, at(9000), ['aiohttp'], '# mine\n', WEB_MAIN)).toEqual([
      { path: 'my_app/__main__.py', lines: [4], text: 'still says port 8080; change to 9000 (the default outside Docker; the image sets PORT=9000)' },
    ]);
    expect(steps(WEB, at(9000), ['aiohttp'], WEB_README, '# mine\n')).toEqual([{ path: 'README.md', lines: [4, 5], text: 'still say port 8080; change to 9000' }]);
  });

  it('missing files are skipped', () => {
    expect(steps(WEB, at(9000), ['aiohttp'], null, null)).toEqual([]);
    expect(steps(WEB, at(9000), ['aiohttp'], WEB_README, null)).toEqual([{ path: 'README.md', lines: [4, 5], text: 'still say port 8080; change to 9000' }]);
  });

  it('the same port, or the same config: nothing to say', () => {
    expect(steps(WEB, WEB, [], WEB_README, WEB_MAIN)).toEqual([]);
    expect(steps(at(9000), at(9000), ['aiohttp'], '9000\n', '9000\n')).toEqual([]);
  });
});

describe('planYourFileSteps: --app', () => {
  it('web to cli: the skeleton is still the web server, the README still describes it; no port step', () => {
    expect(steps(WEB, CLI, ['aiohttp'], WEB_README, WEB_MAIN)).toEqual([
      { path: 'my_app/', lines: [], text: "still the aiohttp web server skeleton; make my_app/__main__.py the command-line app's entry point (update does not rewrite your code)" },
      { path: 'README.md', lines: [3], text: 'still describes an aiohttp web server' },
    ]);
  });

  it('cli to web: the requirement it imports, the skeleton to rewrite, the README; no port step from a null port', () => {
    expect(steps(CLI, WEB, [], CLI_README, CLI_MAIN)).toEqual([
      { path: 'requirements.txt', lines: [], text: 'add aiohttp (the aiohttp web server imports it), then run update again' },
      {
        path: 'my_app/',
        lines: [],
        text: "still the command-line app skeleton; rewrite it as an aiohttp web server that reads PORT and HOST and serves GET /health (the image's HEALTHCHECK asks it) (update does not rewrite your code)",
      },
      { path: 'README.md', lines: [3], text: 'still describes a command-line app' },
    ]);
  });

  it('web to fastapi: both requirements ("them"), in the requirements file of the config', () => {
    const after: ProjectConfig = { ...FASTAPI, requirements: 'deps/prod.txt' };
    expect(steps(WEB, after, ['aiohttp'], WEB_README, WEB_MAIN)).toEqual([
      { path: 'deps/prod.txt', lines: [], text: 'add fastapi, uvicorn (the FastAPI web server (uvicorn) imports them), then run update again' },
      {
        path: 'my_app/',
        lines: [],
        text: "still the aiohttp web server skeleton; rewrite it as a FastAPI web server (uvicorn) that reads PORT and HOST and serves GET /health (the image's HEALTHCHECK asks it) (update does not rewrite your code)",
      },
      { path: 'README.md', lines: [3], text: 'still describes an aiohttp web server' },
    ]);
  });

  it('one requirement missing: "it"; none missing: no step', () => {
    expect(steps(WEB, FASTAPI, ['fastapi'], null, null)).toEqual([
      { path: 'requirements.txt', lines: [], text: 'add uvicorn (the FastAPI web server (uvicorn) imports it), then run update again' },
    ]);
    expect(steps(WEB, FASTAPI, ['fastapi', 'uvicorn'], null, null)).toEqual([]);
  });

  it('fastapi to web on the same port: the old description, no port step', () => {
    expect(steps(FASTAPI, WEB, ['aiohttp'], FASTAPI_README, '8080\n')).toEqual([{ path: 'README.md', lines: [3], text: 'still describes a FastAPI web server (uvicorn)' }]);
  });

  it('code that is no longer the skeleton, and a README that no longer describes it: nothing to say', () => {
    expect(steps(WEB, CLI, [], '# mine\n', 'print("mine")\n')).toEqual([]);
    expect(steps(CLI, WEB, ['aiohttp'], '# mine\nIt prints null.\n', 'print("mine")\n')).toEqual([]);
  });

  it('an app change together with a port change: both kinds of step', () => {
    expect(steps(WEB, at(9000, FASTAPI), ['fastapi', 'uvicorn'], WEB_README, null)).toEqual([
      { path: 'README.md', lines: [3], text: 'still describes an aiohttp web server' },
      { path: 'README.md', lines: [4, 5], text: 'still say port 8080; change to 9000' },
    ]);
  });
});

describe('formatYourFileSteps', () => {
  it('nothing: no lines', () => {
    expect(formatYourFileSteps([])).toEqual([]);
  });

  it('a heading, then each step with its path and lines ("line", "lines", none)', () => {
    expect(
      formatYourFileSteps([
        { path: 'requirements.txt', lines: [], text: 'add aiohttp' },
        { path: 'README.md', lines: [3], text: 'one' },
        { path: 'my_app/__main__.py', lines: [4, 9], text: 'two' },
      ]),
    ).toEqual(['Your files (update does not change them):', '  requirements.txt: add aiohttp', '  README.md line 3: one', '  my_app/__main__.py lines 4, 9: two']);
  });
});
