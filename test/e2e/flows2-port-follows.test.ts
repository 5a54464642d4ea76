/**
 * Issue 13, finding 3: `update --port N` and `update --app KIND` follow through everywhere the
 * tool owns (Dockerfile: ENV PORT, EXPOSE, HEALTHCHECK; slim-python.json), and say what the user
 * must change in the files that are theirs (README.md, the app skeleton, requirements.txt),
 * naming file and line. Their files are never touched.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';

let work: string;
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'csp-flows2-'));
});
const read = (path: string) => readFileSync(join(work, path), 'utf8');

async function create(args: string[]): Promise<void> {
  const result = await runCli(['svc', '--yes', '--python', '3.12', ...args], { cwd: work });
  expect(result.exitCode, result.stderr).toBe(0);
}

describe('update --port', () => {
  it('moves ENV PORT and EXPOSE, and names the lines of your files that still say the old port', async () => {
    await create(['--app', 'web']);
    const readme = read('svc/README.md');
    const main = read('svc/svc/__main__.py');
    const result = await runCli(['update', 'svc', '--port', '9000'], { cwd: work });
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    const dockerfile = read('svc/Dockerfile');
    expect(dockerfile).toMatch(/^ {4}PORT=9000$/m);
    expect(dockerfile).toMatch(/^EXPOSE 9000$/m);
    expect(dockerfile).not.toMatch(/8080/);
    expect(JSON.parse(read('svc/slim-python.json')).port).toBe(9000);
    // Yours: untouched, and the report says what to change.
    expect(read('svc/README.md')).toBe(readme);
    expect(read('svc/svc/__main__.py')).toBe(main);
    const readmeLines = readme.split('\n').flatMap((line, index) => (line.includes('8080') ? [index + 1] : []));
    const mainLine = main.split('\n').findIndex((line) => line.includes('8080')) + 1;
    expect(result.stdout).toContain('Your files (update does not change them):');
    expect(result.stdout).toContain(
      `  README.md line${readmeLines.length > 1 ? 's' : ''} ${readmeLines.join(', ')}: still say${readmeLines.length > 1 ? '' : 's'} port 8080; change to 9000`,
    );
    expect(result.stdout).toContain(`  svc/__main__.py line ${mainLine}: still says port 8080; change to 9000 (the default outside Docker; the image sets PORT=9000)`);
  });

  it('--json lists the same steps, and --check shows them without writing', async () => {
    await create(['--app', 'fastapi']);
    const check = await runCli(['update', 'svc', '--port', '9000', '--check'], { cwd: work });
    expect(check.exitCode).toBe(1);
    expect(check.stdout).toContain('README.md line');
    const json = JSON.parse((await runCli(['update', 'svc', '--port', '9000', '--json'], { cwd: work })).stdout);
    expect(json.yourFiles).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'svc/__main__.py', lines: [expect.any(Number)] })]));
  });

  it('an edited README that no longer mentions the port gets no advice', async () => {
    await create(['--app', 'web']);
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(work, 'svc/README.md'), '# svc\n\nMine.\n');
    const result = await runCli(['update', 'svc', '--port', '9000'], { cwd: work });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).not.toContain('README.md line');
  });
});

describe('update --app', () => {
  it('cli on a web project: the Dockerfile drops the port, and the report says the skeleton is still a web server', async () => {
    await create(['--app', 'web']);
    const result = await runCli(['update', 'svc', '--app', 'cli'], { cwd: work });
    expect(result.exitCode).toBe(0);
    const dockerfile = read('svc/Dockerfile');
    expect(dockerfile).not.toMatch(/^EXPOSE|^HEALTHCHECK|PORT=/m);
    expect(result.stdout).toContain("  svc/: still the aiohttp web server skeleton; make svc/__main__.py the command-line app's entry point (update does not rewrite your code)");
    expect(result.stdout).toMatch(/ {2}README\.md line \d+: still describes an aiohttp web server/);
  });

  it('fastapi on a web project: names the requirements to add', async () => {
    await create(['--app', 'web']);
    const result = await runCli(['update', 'svc', '--app', 'fastapi'], { cwd: work });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('  requirements.txt: add fastapi, uvicorn (the FastAPI web server (uvicorn) imports them), then run update again');
    expect(result.stdout).toContain('  svc/: still the aiohttp web server skeleton; rewrite it as a FastAPI web server (uvicorn) that reads PORT and HOST and serves GET /health');
  });

  it('nothing to say when nothing changed', async () => {
    await create(['--app', 'web']);
    const result = await runCli(['update', 'svc'], { cwd: work });
    expect(result.stdout).not.toContain('Your files');
  });
});

describe('the update summary after a settings change', () => {
  it('does not claim that the packages every image gets were removed', async () => {
    await create(['--app', 'web']);
    const result = await runCli(['update', 'svc', '--port', '9000', '--python', '3.13'], { cwd: work });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).not.toMatch(/removed (binutils|ca-certificates|tzdata)/);
  });
});

describe('the update summary when the runtime brings its own packages', () => {
  it('says what they are instead of "because you added it"', async () => {
    await create(['--app', 'web']);
    const result = await runCli(['update', 'svc', '--python', 'alpine'], { cwd: work });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^ {2}added python3 \(runtime\): Alpine's own interpreter/m);
    expect(result.stdout).not.toMatch(/added python3 .*because you added it/);
  });
});
