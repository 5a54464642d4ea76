/**
 * `[project] dependencies` of a pyproject.toml (PEP 621): each entry is a PEP 508 string.
 * Spec: https://packaging.python.org/en/latest/specifications/pyproject-toml/#dependencies-optional-dependencies
 */
import { TomlError, parse } from 'smol-toml';
import { InputFileError } from '../errors.ts';
import { parseRequirementString } from './pep508.ts';
import type { Requirement } from './types.ts';

const DEPENDENCIES_KEY = /^[ \t]*dependencies[ \t]*=/m;

/** Parses a TOML file; invalid TOML is an input error naming its line. */
export function parseTomlDocument(text: string, file: string): Record<string, unknown> {
  try {
    return parse(text);
  } catch (error) {
    if (error instanceof TomlError) throw new InputFileError(file, error.line, `invalid TOML: ${error.message.split('\n')[0]}`);
    throw error;
  }
}

/** The requirements in `[project] dependencies`; none when the table or key is absent. */
export function parsePyprojectDependencies(text: string, file: string): Requirement[] {
  const document = parseTomlDocument(text, file);
  const project = document.project;
  if (project === undefined) return [];
  if (!isTable(project)) throw new InputFileError(file, null, '[project] must be a table');
  const dependencies = project.dependencies;
  if (dependencies === undefined) return [];
  const keyOffset = text.search(DEPENDENCIES_KEY);
  const keyLine = keyOffset === -1 ? null : lineAt(text, keyOffset);
  if (!Array.isArray(dependencies) || !dependencies.every((entry) => typeof entry === 'string')) {
    throw new InputFileError(file, keyLine, '[project] dependencies must be an array of strings');
  }
  // Best-effort line numbers: each string is looked for after the previous one, from the key on.
  let from = Math.max(0, keyOffset);
  return dependencies.map((dependency: string) => {
    const at = text.indexOf(dependency, from);
    if (at !== -1) from = at + dependency.length;
    return parseRequirementString(dependency, { file, line: at === -1 ? (keyLine ?? 1) : lineAt(text, at) });
  });
}

function isTable(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** 1-based line number of a character offset. */
function lineAt(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}
