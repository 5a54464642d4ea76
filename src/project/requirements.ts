/**
 * Requirements as the project sees them: from `--requirement` flags, an imported file, or the
 * project's requirements file (with its `-r` includes); filtered by markers for the target.
 */
import { readFile } from 'node:fs/promises';
import { basename, relative, resolve } from 'node:path';
import { InputFileError, UsageError } from '../errors.ts';
import { evaluateMarker, parsePyprojectDependencies, parseRequirementString, parseRequirementsText } from '../requirements/index.ts';
import { parseRequirementsFile } from '../requirements/read-files.ts';
import { emptyFormatControl, formatControlOf, type FormatControl } from '../requirements/format-control.ts';
import { imageFullVersion } from '../python/runtimes.ts';
import type { Arch, Requirement } from '../requirements/types.ts';

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
    if (trimmed === '' || trimmed.startsWith('-')) {
      throw new UsageError(`${flag} #${index + 1} (${JSON.stringify(line)}) is not a PEP 508 requirement; write it like "cryptography>=42"`);
    }
    return parseRequirementString(trimmed, { file: flag, line: index + 1 });
  });
  const text = lines.length === 0 ? '' : `${lines.map((line) => line.trim()).join('\n')}\n`;
  return { text, requirements };
}

/**
 * Reads a requirements file to import into a new project, exactly as given. Files that include
 * others (`-r`, `-c`) are refused: their includes would not come along.
 */
export async function importRequirementsFile(
  path: string,
  env: Record<string, string | undefined>,
): Promise<{ text: string; requirements: Requirement[]; formats: FormatControl }> {
  const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`cannot read --requirements-file ${path}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
  });
  const parsed = parseRequirementsText(text, path, { env });
  const include = parsed.includes[0];
  if (include) {
    throw new InputFileError(path, include.line, `includes ${include.path}; merge it into one file, or pass each requirement with --requirement`);
  }
  return { text, requirements: parsed.requirements, formats: formatControlOf(parsed.options.map((option) => ({ ...option, file: path }))) };
}

/** Reads the project's requirements file and its includes (inside the project only). */
export async function readProjectRequirements(
  root: string,
  file: string,
  env: Record<string, string | undefined>,
): Promise<ProjectRequirements> {
  // A pyproject.toml contributes its [project] dependencies (PEP 621) instead of pip's format.
  if (basename(file) === 'pyproject.toml') {
    const path = resolve(root, file);
    const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
      throw new UsageError(`cannot read ${path}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
    });
    return { all: parsePyprojectDependencies(text, relative(root, path) || file), includes: [], formats: emptyFormatControl() };
  }
  const parsed = await parseRequirementsFile(file, { projectRoot: root, env });
  return { all: parsed.requirements, includes: parsed.files.filter((path) => path !== file), formats: formatControlOf(parsed.options) };
}

/**
/**
 * The requirements that apply on at least one of the given architectures (markers evaluated):
 * the image for that architecture installs them, so their Alpine needs count.
 * `python_full_version` is the image's patch version: `full`, else the official image's for `python`.
 */
export function applicableRequirements(
  requirements: readonly Requirement[],
  python: string,
  arches: readonly Arch[],
  full: string | undefined = imageFullVersion(python),
): Requirement[] {
  return requirements.filter(
    (requirement) => requirement.marker === null || arches.some((arch) => evaluateMarker(requirement.marker!, { python, arch, ...(full ? { full } : {}) })),
  );
}
