/**
 * Issue 13, "App kinds people start with": `--app fastapi` (FastAPI served by uvicorn, GET
 * /health, PORT/HOST from the environment) through flags, the prompt, the config and update.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { CLI_BIN, REPO_ROOT, runCli } from '../support/cli.ts';

let work: string;
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'csp-flows2-'));
});
const read = (path: string) => readFileSync(join(work, path), 'utf8');

describe('--app fastapi', () => {
  it('writes a FastAPI skeleton, adds fastapi and uvicorn, and a web Dockerfile', async () => {
    const result = await runCli(['api', '--yes', '--python', '3.12', '--app', 'fastapi', '--port', '8000'], { cwd: work });
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(readdirSync(join(work, 'api/api')).sort()).toEqual(['__init__.py', '__main__.py', 'app.py']);
    expect(read('api/requirements.txt')).toBe('fastapi\nuvicorn\n');
    expect(result.stdout).toContain('CPython 3.12 (python:3.12-alpine3.24), FastAPI web server (uvicorn) on port 8000');
    expect(result.stdout).toContain('Added to requirements.txt: fastapi, uvicorn (the FastAPI web server (uvicorn) imports them)');
    expect(result.stdout).toContain('docker run --rm -p 8000:8000 api');
    expect(JSON.parse(read('api/slim-python.json'))).toMatchObject({ app: 'fastapi', port: 8000 });
    const dockerfile = read('api/Dockerfile');
    expect(dockerfile).toMatch(/^EXPOSE 8000$/m);
    expect(dockerfile).toMatch(/^CMD \["python", "-m", "api"\]$/m);
    expect(read('api/api/__main__.py')).toContain('port = int(os.environ.get("PORT", "8000"))');
    expect(read('api/api/app.py')).toContain('@app.get("/health")');
    expect(read('api/README.md')).toMatch(/^A FastAPI web service served by uvicorn with a slim/m);
    // pydantic-core (a Rust extension) has musllinux wheels: no compiler in the build stage.
    expect(result.stdout).toMatch(/^ {2}pydantic-core +wheel /m);
    expect(result.stdout).toContain('Build stage: no compiler needed');
    const py = ['__init__.py', '__main__.py', 'app.py'].map((file) => join(work, 'api/api', file));
    execFileSync('python3', ['-m', 'py_compile', ...py], { env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' } });
  });

  it('keeps given versions of fastapi and uvicorn and adds only what is missing', async () => {
    const result = await runCli(['api', '--yes', '--app', 'fastapi', '-r', 'fastapi>=0.115'], { cwd: work });
    expect(result.exitCode).toBe(0);
    expect(read('api/requirements.txt')).toBe('fastapi>=0.115\nuvicorn\n');
  });

  it('fastapi[standard] brings uvicorn along: nothing added for it', async () => {
    const result = await runCli(['api', '--yes', '--app', 'fastapi', '-r', 'fastapi[standard]'], { cwd: work });
    expect(result.exitCode).toBe(0);
    expect(read('api/requirements.txt')).toBe('fastapi[standard]\n');
  });

  it('is the default app kind when fastapi is required', async () => {
    const result = await runCli(['api', '--yes', '-r', 'fastapi', '--json'], { cwd: work });
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ app: 'fastapi', port: 8080, addedRequirements: ['uvicorn'] });
  });

  it('--help lists it', async () => {
    const result = await runCli(['--help']);
    expect(result.stdout).toMatch(/--app web\|fastapi\|cli/);
    const update = await runCli(['update', '--help']);
    expect(update.stdout).toMatch(/--app web\|fastapi\|cli/);
  });

  it('update --app fastapi on a cli project keeps a port in the config and EXPOSEs it', async () => {
    expect((await runCli(['tool', '--yes', '--app', 'cli'], { cwd: work })).exitCode).toBe(0);
    const result = await runCli(['update', 'tool', '--app', 'fastapi'], { cwd: work });
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(read('tool/slim-python.json'))).toMatchObject({ app: 'fastapi', port: 8080 });
    expect(read('tool/Dockerfile')).toMatch(/^EXPOSE 8080$/m);
  });

  it('a config with app "fastapi" and no port is refused naming the key', async () => {
    expect((await runCli(['api', '--yes', '--app', 'fastapi'], { cwd: work })).exitCode).toBe(0);
    const path = join(work, 'api/slim-python.json');
    writeFileSync(path, JSON.stringify({ ...JSON.parse(read('api/slim-python.json')), port: null }, null, 2));
    const result = await runCli(['update', 'api'], { cwd: work });
    expect(result.stderr).toMatch(/slim-python\.json: "port" must be a number from 1024 to 65535/);
    expect(result.exitCode).toBe(2);
  });

  it('the App kind prompt offers it', () => {
    const script = join(work, '.pty-script.json');
    const ENTER = '\r';
    writeFileSync(
      script,
      JSON.stringify({
        argv: [process.execPath, CLI_BIN],
        cwd: work,
        timeout: 30,
        steps: [
          ['Project directory', `api${ENTER}`],
          ['Python runtime', ENTER],
          ['Requirements', `\x1b[B\x1b[B${ENTER}`], // none for now
          ['Alpine build dependencies: extra packages', ENTER],
          ['Alpine runtime libraries: extra packages', ENTER],
          ['FastAPI web server (uvicorn) (adds fastapi and uvicorn to the requirements)', `\x1b[A${ENTER}`], // default cli; up: FastAPI
          ['Port the web app listens on', ENTER],
          ['Compile bytecode at build time?', ENTER],
        ],
      }),
    );
    const result = JSON.parse(execFileSync('python3', [join(REPO_ROOT, 'test/support/pty-drive.py'), script], { encoding: 'utf8', timeout: 40_000 }));
    expect(result.pendingSteps).toEqual([]);
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(read('api/slim-python.json'))).toMatchObject({ app: 'fastapi', port: 8080 });
    expect(read('api/requirements.txt')).toBe('fastapi\nuvicorn\n');
  });
});
