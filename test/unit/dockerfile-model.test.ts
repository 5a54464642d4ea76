/**
 * The Dockerfile's template data and the text it renders for the decisions that broke real
 * builds (issue 10): Python.h on Alpine's own python3, the skip list of the scanelf step and
 * where the runtime list lives. test/proof runs the rendered steps in a real Alpine userland.
 */
import { describe, expect, it } from 'vitest';
import type { ProjectConfig } from '../../src/project/config.ts';
import { buildDockerfileModel, planManagedFiles } from '../../src/plan/project-files.ts';
import { decideForConfig } from '../../src/knowledge/pipeline.ts';
import { requirementsFromLines } from '../../src/project/requirements.ts';
import { projectConfig } from '../support/project-config.ts';

const CONFIG: ProjectConfig = projectConfig({ name: 'model-app' });

function modelFor(python: string, lines: string[], config: Partial<ProjectConfig> = {}) {
  const full = { ...CONFIG, python, ...config };
  const decisions = decideForConfig(full, requirementsFromLines(lines).requirements);
  return { model: buildDockerfileModel(full, decisions, []), dockerfile: planManagedFiles(full, decisions, [])[0]!.content };
}

describe('Python.h in the build stage (defect 2)', () => {
  it("adds python3-dev on Alpine's own python3 when something compiles, needed by the compiling projects", () => {
    const { model } = modelFor('alpine', ['psycopg2']);
    expect(model.buildDeps.find((line) => line.name === 'python3-dev')).toEqual({ name: 'python3-dev', reason: 'compiling psycopg2', for: ['psycopg2'], by: 'decisions' });
  });

  it('adds nothing when nothing compiles, nor on the python images (they have /usr/local/include)', () => {
    expect(modelFor('alpine', ['aiohttp']).model.buildDeps).toEqual([]);
    expect(modelFor('3.12', ['psycopg2']).model.buildDeps.map((line) => line.name)).not.toContain('python3-dev');
  });

  it('lets the user remove it like any inferred package', () => {
    const { model } = modelFor('alpine', ['psycopg2'], { buildDeps: { add: [], remove: ['python3-dev'] } });
    expect(model.buildDeps.map((line) => line.name)).not.toContain('python3-dev');
  });
});

describe("the scanelf step's runtime list (defects 1 and 6)", () => {
  it("skips the empty name a static binary prints, the names musl answers itself and the base's libraries", () => {
    const patterns = modelFor('3.12', []).model.baseLibPatterns.join('|').split('|');
    expect(patterns[0]).toBe("''");
    // libc.* covers libc.musl-<arch>.so.1 and libc.so (pydantic-core's wheel needs that one).
    expect(patterns).toEqual(expect.arrayContaining(['libc.*', 'libm.*', 'libpthread.*', 'libz.so.1', 'libssl.so.3']));
    expect(patterns).not.toContain('libc.musl-x86_64.so.1');
  });

  it('renders the skip list inside the loop, before the so: line is written', () => {
    const { dockerfile } = modelFor('3.12', ['aiohttp']);
    expect(dockerfile).toMatch(/while read -r lib; do \\\n {8}case "\$lib" in \\\n {10}''\|libc\.\*/);
    expect(dockerfile).toContain('          ) continue ;; esac; \\\n');
  });

  it('keeps the runtime list outside the venv, so the release stage does not copy it', () => {
    const { dockerfile } = modelFor('3.12', ['aiohttp']);
    expect(dockerfile).toContain('done > /tmp/runtime-deps\n');
    expect(dockerfile).toContain('RUN --mount=type=bind,from=build,source=/tmp/runtime-deps,target=/tmp/runtime-deps');
    expect(dockerfile).not.toContain('/opt/venv/.runtime-deps');
  });
});

describe('weasyprint renders text as uid 10001 (defect 5)', () => {
  it('installs a font and harfbuzz-subset, builds the font cache as root and gives the user a writable cache', () => {
    const { model, dockerfile } = modelFor('3.12', ['weasyprint']);
    expect(model.runtimeLibs.map((line) => line.name)).toEqual(expect.arrayContaining(['font-dejavu', 'fontconfig', 'harfbuzz-subset', 'pango']));
    expect(model.fontCache).toBe(true);
    expect(dockerfile).toMatch(/apk add --no-cache [^\n]*font-dejavu[^\n]* < \/tmp\/runtime-deps \\\n {4}&& fc-cache -f\n/);
    expect(dockerfile).toMatch(/\n {4}XDG_CACHE_HOME=\/tmp\/\.cache\n(?:# Set the version[^\n]*\nARG VERSION=dev\nLABEL[^]*?)?# A numeric non-root user/);
  });

  it('adds neither the cache step nor the variable without fontconfig', () => {
    const { model, dockerfile } = modelFor('3.12', ['aiohttp']);
    expect(model.fontCache).toBe(false);
    expect(dockerfile).not.toMatch(/fc-cache|XDG_CACHE_HOME/);
  });
});
