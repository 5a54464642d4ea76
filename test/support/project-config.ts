/**
 * The project config most in-process tests start from, written out (never read back from the code
 * under test): `create my-app` for a cli app on both architectures, with a test's own overrides.
 */
import type { Decisions } from '../../src/knowledge/decisions.ts';
import type { ProjectConfig } from '../../src/project/config.ts';

export function projectConfig(overrides: Partial<ProjectConfig> = {}): ProjectConfig {
  return {
    version: 1,
    generator: '0.1.0',
    name: 'my-app',
    python: '3.12',
    arches: ['aarch64', 'x86_64'],
    app: 'cli',
    port: null,
    requirements: 'requirements.txt',
    buildDeps: { add: [], remove: [] },
    runtimeLibs: { add: [], remove: [] },
    ...overrides,
  };
}

/** What a project without requirements decides: nothing. */
export const NO_DECISIONS: Decisions = { packages: [], apk: { build: [], runtime: [] }, warnings: [], problems: [] };
