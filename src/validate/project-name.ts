/**
 * Project names become a directory, a Docker image tag and (with `-` turned into `_`) a Python
 * package name, so they must be safe for all three.
 */
import { UsageError } from '../errors.ts';
import { STDLIB_MODULES } from './stdlib-modules.ts';

// https://learn.microsoft.com/windows/win32/fileio/naming-a-file#naming-conventions
const WINDOWS_RESERVED = new Set([
  'con',
  'prn',
  'aux',
  'nul',
  'com1',
  'com2',
  'com3',
  'com4',
  'com5',
  'com6',
  'com7',
  'com8',
  'com9',
  'lpt1',
  'lpt2',
  'lpt3',
  'lpt4',
  'lpt5',
  'lpt6',
  'lpt7',
  'lpt8',
  'lpt9',
]);

// https://docs.python.org/3/reference/lexical_analysis.html#keywords
const PYTHON_KEYWORDS = new Set([
  'false',
  'none',
  'true',
  'and',
  'as',
  'assert',
  'async',
  'await',
  'break',
  'class',
  'continue',
  'def',
  'del',
  'elif',
  'else',
  'except',
  'finally',
  'for',
  'from',
  'global',
  'if',
  'import',
  'in',
  'is',
  'lambda',
  'nonlocal',
  'not',
  'or',
  'pass',
  'raise',
  'return',
  'try',
  'while',
  'with',
  'yield',
]);

const MAX_LENGTH = 64;

/** Returns why `name` is not a valid project name, or null when it is. */
export function checkProjectName(name: string): string | null {
  if (name.length === 0) return 'is empty';
  if (name.length > MAX_LENGTH) return `is longer than ${MAX_LENGTH} characters`;
  if (/[/\\]/.test(name)) return 'contains a path separator';
  if (name === '.' || name === '..' || name.includes('..')) return 'contains ".."';
  if (name.startsWith('-')) return 'starts with "-"';
  if (/[^\x20-\x7e]/.test(name)) return 'contains non-ASCII or control characters';
  if (!/^[a-z][a-z0-9-]*$/.test(name)) {
    return 'must start with a lowercase letter and use only lowercase letters, digits and "-"';
  }
  if (name.endsWith('-')) return 'ends with "-"';
  if (WINDOWS_RESERVED.has(name)) return 'is a reserved file name on Windows';
  if (PYTHON_KEYWORDS.has(moduleNameOf(name))) return 'is a Python keyword';
  if (STDLIB_MODULES.has(moduleNameOf(name))) {
    return `is the name of a Python standard-library module (the package ${moduleNameOf(name)} would shadow it)`;
  }
  return null;
}

/** Throws a usage error naming the flag when `name` is invalid. */
export function assertProjectName(name: string, flag = '--name'): string {
  const problem = checkProjectName(name);
  if (problem) {
    throw new UsageError(`invalid project name ${JSON.stringify(name)}: it ${problem}; pass ${flag} with a name like "my-app"`);
  }
  return name;
}

/**
 * Throws when the project's package would shadow a package the requirements install (given as
 * PEP 503 names, dependencies included): `yarl` under aiohttp, `cryptography` itself. Compared
 * by module name, which is the project name with `-` as `_` for most projects.
 */
export function assertNoShadowing(name: string, installed: Iterable<string>, flag = '--name'): void {
  const project = findShadowed(name, installed);
  if (project !== null) {
    throw new UsageError(
      `invalid project name ${JSON.stringify(name)}: its package ${moduleNameOf(name)} would shadow the ${project} package the requirements install; pass ${flag} with another name, like "${name}-app"`,
    );
  }
}

/** The installed project (PEP 503 name) the project's package would shadow, or null. */
export function findShadowed(name: string, installed: Iterable<string>): string | null {
  const module = moduleNameOf(name);
  for (const project of installed) if (project.replaceAll('-', '_').replaceAll('.', '_') === module) return project;
  return null;
}

/** The Python package name for a project: `my-app` -> `my_app`. */
export function moduleNameOf(name: string): string {
  return name.replaceAll('-', '_');
}
