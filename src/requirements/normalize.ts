/**
 * Project-name rules shared by every requirement parser.
 * Sources: PEP 503 (https://peps.python.org/pep-0503/#normalized-names) and the PEP 508 name grammar
 * (https://peps.python.org/pep-0508/#names).
 */

// PEP 508: ASCII letters/digits, with `.`, `_`, `-` allowed inside but not at either end.
const PROJECT_NAME_PATTERN = /^([A-Z0-9]|[A-Z0-9][A-Z0-9._-]*[A-Z0-9])$/i;

/** PEP 503 normal form: runs of `-`, `_`, `.` become one `-`, all lower case. */
export function normalizeName(name: string): string {
  return name.replace(/[-_.]+/g, '-').toLowerCase();
}

/** True when `name` is a valid project name per the PEP 508 grammar. */
export function isValidProjectName(name: string): boolean {
  return PROJECT_NAME_PATTERN.test(name);
}
