/**
 * Requirements as the project sees them: from `--requirement` flags, an imported file, or the
 * project's requirements file (with its `-r` includes); filtered by markers for the target.
 */
import { basename, relative, resolve } from 'node:path';
import { InputFileError, UsageError } from '../errors.ts';
import { parsePyprojectDependencies, parseRequirementString, parseRequirementsText } from '../requirements/index.ts';
import { parseRequirementsFile } from '../requirements/read-files.ts';
import { emptyFormatControl, formatControlOf, type FormatControl } from '../requirements/format-control.ts';
import { InputFileRefused, readInputFile, readInputText } from './read-input-file.ts';
import { adviseRequirementValue } from './requirement-advice.ts';
import type { Requirement } from '../requirements/types.ts';
import { missingAppRequirements } from './app-kinds.ts';
import type { AppKind } from '../validate/values.ts';

export interface ProjectRequirements {
  /** Every requirement read, in file order. */
  all: Requirement[];
  /** `--no-binary` / `--only-binary` option lines of the files, applied in pip's order. */
  formats: FormatControl;
  /** Files read besides the main one (`-r`/`-c` includes), relative to the project root. */
  includes: string[];
}

/** Validates `--requirement` lines and returns them with the requirements.txt text they make. */
export function requirementsFromLines(lines: readonly string[], flag = '--requirement'): { text: string; requirements: Requirement[] } {
  const requirements = lines.map((line, index) => {
    if (/[\r\n]/.test(line)) throw new UsageError(`${flag} #${index + 1} contains a line break; pass one requirement per ${flag}`);
    const trimmed = line.trim();
    const advise = (): never => {
      const advice = adviseRequirementValue(trimmed) ?? 'is not a PEP 508 requirement; write it like "cryptography>=42"';
      throw new UsageError(`${flag} #${index + 1} (${JSON.stringify(line)}) ${advice}`);
    };
    if (trimmed === '' || trimmed.startsWith('-')) return advise();
    try {
      return parseRequirementString(trimmed, { file: flag, line: index + 1 });
    } catch (error) {
      // A requirements-file line that is not PEP 508 (URL, path, options): say what to write.
      if (adviseRequirementValue(trimmed) !== null) return advise();
      throw error;
    }
  });
  const text = lines.length === 0 ? '' : `${lines.map((line) => line.trim()).join('\n')}\n`;
  return { text, requirements };
}

/**
 * Appends requirement lines to a requirements text, in its own line ending, and parses them with
 * the rest. Lines added by the tool (an app kind's framework) are plain names: valid by design.
 */
export function appendRequirementLines(
  given: { text: string; requirements: Requirement[] },
  lines: readonly string[],
  file = 'requirements.txt',
): { text: string; requirements: Requirement[] } {
  const eol = given.text.includes('\r\n') ? '\r\n' : '\n';
  const head = given.text === '' || /[\r\n]$/.test(given.text) ? given.text : `${given.text}${eol}`;
  const firstLine = head === '' ? 1 : head.split(/\r\n|\n|\r/).length;
  const added = lines.map((line, index) => parseRequirementString(line, { file, line: firstLine + index }));
  return { text: `${head}${lines.map((line) => `${line}${eol}`).join('')}`, requirements: [...given.requirements, ...added] };
}

/** PEP 503 names of the requirements (those with a name), and `name[extra]` for each extra. */
export function requirementNames(requirements: readonly Requirement[]): Set<string> {
  return new Set(
    requirements.flatMap((requirement) => (requirement.name === null ? [] : [requirement.name, ...requirement.extras.map((extra) => `${requirement.name}[${extra}]`)])),
  );
}

/** The requirements with what the app skeleton imports appended when missing, and what was added. */
export function withAppRequirements(app: AppKind, given: { text: string; requirements: Requirement[] }): { text: string; requirements: Requirement[]; added: string[] } {
  const added = missingAppRequirements(app, requirementNames(given.requirements));
  return added.length === 0 ? { ...given, added } : { ...appendRequirementLines(given, added), added };
}

/**
 * Reads a requirements file to import into a new project, exactly as given (a pyproject.toml:
 * its dependencies, one per line). Files that include others (`-r`, `-c`) are refused: their
 * includes would not come along.
 */
export async function importRequirementsFile(
  path: string,
  env: Record<string, string | undefined>,
): Promise<{ text: string; requirements: Requirement[]; formats: FormatControl }> {
  const text = await readInputText(path).catch((error: NodeJS.ErrnoException) => {
    if (error instanceof InputFileRefused) throw new UsageError(`--requirements-file ${error.message}`);
    throw new UsageError(`cannot read --requirements-file ${path}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
  });
  // A pyproject.toml contributes its [project] dependencies (PEP 621), one per line of the new requirements.txt.
  if (basename(path) === 'pyproject.toml') {
    const requirements = parsePyprojectDependencies(text, path);
    return { text: requirements.map((requirement) => `${requirement.text}\n`).join(''), requirements, formats: emptyFormatControl() };
  }
  const parsed = parseRequirementsText(text, path, { env });
  const include = parsed.includes[0];
  if (include) {
    throw new InputFileError(path, include.line, `includes ${include.path}; merge it into one file, or pass each requirement with --requirement`);
  }
  return { text, requirements: parsed.requirements, formats: formatControlOf(parsed.options.map((option) => ({ ...option, file: path }))) };
}

/** Reads the project's requirements file and its includes (inside the project only). */
export async function readProjectRequirements(root: string, file: string, env: Record<string, string | undefined>): Promise<ProjectRequirements> {
  // A pyproject.toml contributes its [project] dependencies (PEP 621) instead of pip's format.
  if (basename(file) === 'pyproject.toml') {
    const path = resolve(root, file);
    const text = await readInputText(path).catch((error: NodeJS.ErrnoException) => {
      if (error instanceof InputFileRefused) throw error;
      throw new UsageError(`cannot read ${path}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
    });
    return { all: parsePyprojectDependencies(text, relative(root, path) || file), includes: [], formats: emptyFormatControl() };
  }
  const parsed = await parseRequirementsFile(file, { projectRoot: root, env, readFile: readInputFile });
  return { all: parsed.requirements, includes: parsed.files.filter((path) => path !== file), formats: formatControlOf(parsed.options) };
}
