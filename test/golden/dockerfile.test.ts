/**
 * Golden files: each folder under cases/ holds input.json (config overrides and requirement
 * lines) and the expected Dockerfile and .dockerignore. UPDATE_GOLDEN=1 (npm run golden:update)
 * rewrites the expectations; review them with `git diff`.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ProjectConfig } from '../../src/config/project-config.ts';
import { decideForProject } from '../../src/project/load-project.ts';
import { planManagedFiles } from '../../src/plan/project-files.ts';
import { requirementsFromLines } from '../../src/project/requirements.ts';

const CASES = fileURLToPath(new URL('./cases/', import.meta.url));
const UPDATE = process.env.UPDATE_GOLDEN === '1';

const BASE_CONFIG: ProjectConfig = {
  version: 1, generator: '0.1.0', name: 'golden-app', python: '3.12', arches: ['aarch64', 'x86_64'], app: 'web',
  port: 8080, requirements: 'requirements.txt', buildDeps: { add: [], remove: [] }, runtimeLibs: { add: [], remove: [] },
};

interface CaseInput {
  description: string;
  config?: Partial<ProjectConfig>;
  requirements: string[];
  includes?: string[];
}

describe('golden Dockerfiles', () => {
  const names = readdirSync(CASES).sort();
  it('has cases', () => expect(names.length).toBeGreaterThanOrEqual(6));
  for (const name of names) {
    it(name, () => {
      const input = JSON.parse(readFileSync(join(CASES, name, 'input.json'), 'utf8')) as CaseInput;
      const config = { ...BASE_CONFIG, ...input.config };
      const { requirements } = requirementsFromLines(input.requirements);
      const files = planManagedFiles(config, decideForProject(config, requirements), input.includes ?? []);
      for (const file of files) {
        const expectedPath = join(CASES, name, file.path === '.dockerignore' ? 'dockerignore' : file.path);
        if (UPDATE || !existsSync(expectedPath)) {
          if (!UPDATE) throw new Error(`${expectedPath} is missing: run npm run golden:update and review the diff`);
          mkdirSync(join(CASES, name), { recursive: true });
          writeFileSync(expectedPath, file.content);
          continue;
        }
        expect(file.content, `${name}/${file.path} (npm run golden:update to accept)`).toBe(readFileSync(expectedPath, 'utf8'));
      }
    });
  }
});
