/**
 * Evaluates PEP 508 markers for the image's interpreter, with packaging 26's rules
 * (https://github.com/pypa/packaging/blob/main/src/packaging/markers.py): version variables compare
 * as PEP 440 versions when `op + value` is a valid specifier; otherwise only `==`, `!=`, `in`,
 * `not in` compare strings, `<=`/`>=` mean equality, `<`/`>` are false and `~=`/`===` are errors.
 */
import { satisfies, valid } from '@renovatebot/pep440';
import { UsageError } from '../errors.ts';
import { SET_VARIABLES, parseMarkerText, type MarkerList, type MarkerOperand } from './marker-parser.ts';
import { normalizeName } from './normalize.ts';
import { Pep508SyntaxError, SPECIFIER_FULL } from './pep508-tokenizer.ts';
import type { Target } from './types.ts';

type EnvValue = string | ReadonlySet<string>;

// Variables packaging compares as versions when the other side is a valid version.
const VERSION_VARIABLES: readonly string[] = ['implementation_version', 'platform_release', 'python_full_version', 'python_version'];

// String semantics for non-version comparisons (packaging's `_operators`).
const STRING_OPERATORS: Record<string, (lhs: string, rhs: EnvValue) => boolean> = {
  in: (lhs, rhs) => (typeof rhs === 'string' ? rhs.includes(lhs) : rhs.has(lhs)),
  'not in': (lhs, rhs) => (typeof rhs === 'string' ? !rhs.includes(lhs) : !rhs.has(lhs)),
  '<': () => false,
  '<=': (lhs, rhs) => lhs === rhs,
  '==': (lhs, rhs) => lhs === rhs,
  '!=': (lhs, rhs) => lhs !== rhs,
  '>=': (lhs, rhs) => lhs === rhs,
  '>': () => false,
};

/**
 * The marker environment of the image: CPython X.Y on Alpine Linux (musl) for `target.arch`.
 * python_full_version and implementation_version are the image's patch version when the caller
 * knows it (the runtimes table), else "X.Y.0", the first release of that minor. platform_release
 * and platform_version describe the build host's kernel, unknowable here: they are "".
 */
export function targetEnvironment(target: Target): Record<string, string> {
  const full = target.full ?? `${target.python}.0`;
  return {
    implementation_name: 'cpython',
    implementation_version: full,
    os_name: 'posix',
    platform_machine: target.arch,
    platform_release: '',
    platform_system: 'Linux',
    platform_version: '',
    python_full_version: full,
    platform_python_implementation: 'CPython',
    python_version: target.python,
    sys_platform: 'linux',
  };
}

// Parsed markers by text: a file repeats the same few markers, and each is evaluated per arch.
const PARSED = new Map<string, MarkerList>();

/** True when `marker` holds for the target; `extras` are the extras selected for the requirement. */
export function evaluateMarker(marker: string, target: Target, extras?: string[]): boolean {
  const key = `${target.full ?? target.python}\0${target.arch}\0${(extras ?? []).join('\0')}\0\0${marker}`;
  const known = RESULTS.get(key);
  if (known !== undefined) return known;
  const result = evaluateUncached(marker, target, extras);
  RESULTS.set(key, result);
  return result;
}

const RESULTS = new Map<string, boolean>();

function evaluateUncached(marker: string, target: Target, extras?: string[]): boolean {
  let tree = PARSED.get(marker);
  try {
    tree ??= parseMarkerText(marker);
    PARSED.set(marker, tree);
  } catch (error) {
    if (error instanceof Pep508SyntaxError) throw new UsageError(`invalid marker ${JSON.stringify(marker)}: ${error.detail}`);
    throw error;
  }
  const environment: Record<string, EnvValue> = { ...targetEnvironment(target) };
  // packaging: no extras (or an empty selection) evaluates as the empty string, several as a set.
  environment.extra = extras && extras.length > 0 ? new Set(extras.map(normalizeName)) : '';
  return evaluateList(tree, environment, marker);
}

function evaluateList(markers: MarkerList, environment: Record<string, EnvValue>, source: string): boolean {
  const groups: boolean[][] = [[]];
  for (const marker of markers) {
    if (marker === 'or') groups.push([]);
    else if (marker === 'and') continue;
    else if (Array.isArray(marker)) groups.at(-1)!.push(evaluateList(marker, environment, source));
    else groups.at(-1)!.push(evaluateItem(marker.lhs, marker.op, marker.rhs, environment, source));
  }
  return groups.some((group) => group.every(Boolean));
}

function evaluateItem(lhs: MarkerOperand, op: string, rhs: MarkerOperand, environment: Record<string, EnvValue>, source: string): boolean {
  const lookup = (key: string): EnvValue => {
    const value = Object.hasOwn(environment, key) ? environment[key] : undefined;
    if (value === undefined) throw new UsageError(`marker ${JSON.stringify(source)}: ${key} is not defined when installing requirements`);
    return value;
  };
  const key = lhs.kind === 'variable' ? lhs.value : rhs.value;
  const left: EnvValue = lhs.kind === 'variable' ? lookup(key) : lhs.value;
  const right: EnvValue = lhs.kind === 'variable' ? rhs.value : lookup(key);
  if (key === 'extra' && typeof right !== 'string') return evaluateExtraSet(right, op, left as string, source);
  if (typeof left !== 'string') {
    if (key === 'extra') return evaluateExtraSet(left, op, right as string, source);
    throw new UsageError(`marker ${JSON.stringify(source)}: ${key} can only be used as "<name>" in ${key}`);
  }
  if (SET_VARIABLES.includes(key)) {
    if (typeof right === 'string') throw new UsageError(`marker ${JSON.stringify(source)}: ${key} must be a set`);
    return compare(normalizeName(left), op, new Set([...right].map(normalizeName)), key, source);
  }
  return compare(left, op, right, key, source);
}

function evaluateExtraSet(extras: ReadonlySet<string>, op: string, literal: string, source: string): boolean {
  const selected = extras.size > 0 ? extras : new Set(['']);
  if (op === '==') return selected.has(literal);
  if (op === '!=') return !selected.has(literal);
  throw new UsageError(`marker ${JSON.stringify(source)}: ${op} is undefined on a set of extras`);
}

function compare(lhs: string, op: string, rhs: EnvValue, key: string, source: string): boolean {
  if (VERSION_VARIABLES.includes(key) && typeof rhs === 'string' && SPECIFIER_FULL.test(`${op}${rhs}`)) {
    // Specifier.contains() is false for a value that is no PEP 440 version (e.g. platform_release "").
    return valid(lhs) !== null && satisfies(lhs, `${op}${rhs}`, { prereleases: true });
  }
  const operator = Object.hasOwn(STRING_OPERATORS, op) ? STRING_OPERATORS[op] : undefined;
  if (!operator) throw new UsageError(`marker ${JSON.stringify(source)}: ${op} is undefined on ${JSON.stringify(lhs)} and ${JSON.stringify(rhs)}`);
  return operator(lhs, rhs);
}
