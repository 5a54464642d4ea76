/**
 * Issue 13 finding 4: user text that happens to name an Object.prototype member ("constructor",
 * "tostring", "__proto__") is looked up as an own key only, never called or inherited.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';

const PLAIN = ['constructor', 'hasownproperty', 'valueof', 'tostring'];

describe('names that are Object.prototype members', () => {
  it.each(PLAIN)('a project named %s is created (exit 0)', async (name) => {
    const work = mkdtempSync(join(tmpdir(), 'csp-plain-'));
    const result = await runCli([name, '--yes', '--app', 'cli'], { cwd: work });
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(readFileSync(join(work, name, 'slim-python.json'), 'utf8')).name).toBe(name);
  });

  it.each(['constructor', 'toString', 'hasOwnProperty', '__proto__'])('requirement / flag values named %s never reach a prototype', async (value) => {
    const work = mkdtempSync(join(tmpdir(), 'csp-plain-'));
    const requirement = await runCli(['app', '--yes', '--dry-run', '-r', value], { cwd: work });
    // "__proto__" is no valid project name (PEP 508): a usage error; the others are unknown projects.
    expect(requirement.exitCode).toBe(value === '__proto__' ? 2 : 0);
    expect(requirement.stderr).not.toMatch(/internal error/);
    for (const flag of ['--python', '--app', '--port', '--build-deps', '--runtime-libs']) {
      const result = await runCli(['app', '--yes', '--dry-run', '--app', flag === '--port' ? 'web' : 'cli', '-r', 'aiohttp', flag, value], { cwd: work });
      expect(result.stderr, `${flag} ${value}`).not.toMatch(/internal error/);
      expect([0, 2], `${flag} ${value}`).toContain(result.exitCode);
    }
    const explain = await runCli(['explain', '--requirements-file', '/dev/null', '--arch', value], { cwd: work });
    expect(explain.exitCode).toBe(2);
    expect(explain.stderr).toMatch(/invalid --arch/);
  });

  it('a config whose index names "constructor" and "__proto__" projects is read as data', async () => {
    const work = mkdtempSync(join(tmpdir(), 'csp-plain-'));
    // Not named constructor itself: its package would shadow the constructor project it requires.
    expect((await runCli(['constructor-app', '--yes', '--app', 'cli', '-r', 'constructor'], { cwd: work })).exitCode).toBe(0);
    const project = join(work, 'constructor-app');
    const configPath = join(project, 'slim-python.json');
    const config = JSON.parse(readFileSync(configPath, 'utf8'));
    config.index = { python: '3.14', arches: ['aarch64', 'x86_64'], packages: { constructor: 'wheel' } };
    writeFileSync(configPath, JSON.stringify(config, null, 2));
    const update = await runCli(['update'], { cwd: project });
    expect(update.stderr).not.toMatch(/internal error/);
    expect(update.exitCode).toBe(0);
    const withProto = readFileSync(configPath, 'utf8').replace('"constructor": "wheel"', '"__proto__": "wheel"');
    writeFileSync(configPath, withProto);
    const refused = await runCli(['update'], { cwd: project });
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toMatch(/index\.packages/);
  });
});
