/**
 * Parity: the plopfile's generators, run through node-plop itself, write exactly the bytes the
 * CLI's planner produces (and node-plop's HTML escaping is really switched off).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodePlop from 'node-plop';
import { describe, expect, it } from 'vitest';
import type { ProjectConfig } from '../../src/config/project-config.ts';
import { decideForProject } from '../../src/project/load-project.ts';
import { planNewProject } from '../../src/plan/project-files.ts';
import { requirementsFromLines } from '../../src/project/requirements.ts';
import plopfile from '../../plopfile.ts';

const CONFIG: ProjectConfig = {
  version: 1, generator: '0.1.0', name: 'plop-app', python: '3.12', arches: ['aarch64', 'x86_64'], app: 'web', port: 8080,
  requirements: 'requirements.txt', buildDeps: { add: [], remove: [] }, runtimeLibs: { add: [], remove: [] },
};

describe('plopfile through node-plop', () => {
  it('the project generator writes what the planner plans', async () => {
    const dest = mkdtempSync(join(tmpdir(), 'csp-plop-'));
    const plop = await nodePlop(undefined, { destBasePath: dest, force: false });
    plopfile(plop);
    const requirements = ['cryptography', 'aiohttp', 'psycopg2'];
    const result = await plop.getGenerator('project').runActions({ config: CONFIG, requirements });
    expect(result.failures).toEqual([]);
    const parsed = requirementsFromLines(requirements);
    const planned = planNewProject(CONFIG, parsed.text, decideForProject(CONFIG, parsed.requirements));
    for (const file of planned) expect(readFileSync(join(dest, file.path), 'utf8'), file.path).toBe(file.content);
    expect(readFileSync(join(dest, 'Dockerfile'), 'utf8')).not.toMatch(/&#x3D;|&quot;/);
  });

  it('renderString does not HTML-escape', async () => {
    const plop = await nodePlop(undefined, { destBasePath: tmpdir(), force: false });
    plopfile(plop);
    expect(plop.renderString('{{x}}', { x: 'a="b" & <c>' })).toBe('a="b" & <c>');
  });
});
