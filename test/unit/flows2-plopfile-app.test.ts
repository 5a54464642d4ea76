/**
 * Issue 13, finding 14 (sibling): the plop `project` generator, like the CLI, adds the framework
 * an app skeleton imports when the requirements lack it.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodePlop from 'node-plop';
import { describe, expect, it } from 'vitest';
import type { ProjectConfig } from '../../src/project/config.ts';
import plopfile from '../../plopfile.ts';

const CONFIG: ProjectConfig = {
  version: 1,
  generator: '0.1.0',
  name: 'plop-app',
  python: '3.12',
  arches: ['aarch64', 'x86_64'],
  app: 'web',
  port: 8080,
  requirements: 'requirements.txt',
  buildDeps: { add: [], remove: [] },
  runtimeLibs: { add: [], remove: [] },
};

describe('plop project generator and app requirements', () => {
  it('adds aiohttp for a web app whose requirements lack it', async () => {
    const dest = mkdtempSync(join(tmpdir(), 'csp-plop-'));
    const plop = await nodePlop(undefined, { destBasePath: dest, force: false });
    plopfile(plop);
    const result = await plop.getGenerator('project').runActions({ config: CONFIG, requirements: ['cryptography'] });
    expect(result.failures).toEqual([]);
    expect(readFileSync(join(dest, 'requirements.txt'), 'utf8')).toBe('cryptography\naiohttp\n');
  });
});
