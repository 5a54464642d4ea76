/**
 * What init needs from a pyproject.toml besides its dependencies (those are read by
 * src/requirements/pyproject.ts): name, whether it is a buildable package, its console scripts,
 * requires-python. Spec: https://packaging.python.org/en/latest/specifications/pyproject-toml/
 */
import { parseTomlDocument } from '../../requirements/pyproject.ts';

export interface PyprojectInfo {
  /** `[project] name`, as written; null without a [project] table. */
  name: string | null;
  hasProjectTable: boolean;
  /** `[project] dependencies` is present (possibly empty). */
  hasDependencies: boolean;
  /** "dependencies" is listed in `[project] dynamic`: the build backend computes them. */
  dynamicDependencies: boolean;
  /** A `[build-system]` table: pip can build and install the project (PEP 517/518). */
  hasBuildSystem: boolean;
  /** `[project.scripts]`: console script name -> "module:function". */
  scripts: Record<string, string>;
  requiresPython: string | null;
  /** Poetry's own table (`[tool.poetry.dependencies]`), which this tool does not read. */
  hasPoetryDependencies: boolean;
}

/** Reads the keys init uses; an invalid TOML file is an input error naming its line. */
export function readPyprojectInfo(text: string, file: string): PyprojectInfo {
  const document = parseTomlDocument(text, file);
  const project = table(document.project);
  const scripts: Record<string, string> = {};
  for (const [name, target] of Object.entries(table(project?.scripts) ?? {})) {
    if (typeof target === 'string') scripts[name] = target;
  }
  const dynamic = Array.isArray(project?.dynamic) ? project.dynamic : [];
  const poetry = table(table(table(document.tool)?.poetry)?.dependencies);
  return {
    name: typeof project?.name === 'string' ? project.name : null,
    hasProjectTable: project !== undefined,
    hasDependencies: project?.dependencies !== undefined,
    dynamicDependencies: dynamic.includes('dependencies'),
    hasBuildSystem: table(document['build-system']) !== undefined,
    scripts,
    requiresPython: typeof project?.['requires-python'] === 'string' ? project['requires-python'] : null,
    hasPoetryDependencies: poetry !== undefined,
  };
}

function table(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
