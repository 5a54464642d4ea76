/**
 * pip's requirements-file format (pip 26, pip/_internal/req/req_file.py): every logical line is
 * a requirement (possibly with per-requirement options), an include (`-r`, `-c`) or global options.
 * Pure: includes are reported, not followed (see read-files.ts).
 */
import { InputFileError } from '../errors.ts';
import { OptionLineError, parseLineParts, type ParsedOption } from './pip-options.ts';
import { parsePipEditable, parsePipRequirement, type IsDirectory } from './pip-requirement-line.ts';
import { preprocessRequirementsText } from './requirements-lines.ts';
import type { Requirement } from './types.ts';

export interface RequirementsTextOptions {
  /** Variables for `${NAME}` expansion (pip reads the process environment). */
  env?: Record<string, string | undefined>;
  /** Parsing a `-c` constraints file: editables are refused there, as pip does. */
  constraint?: boolean;
  /**
   * Whether a local path names a directory, as pip checks with the file system (pip resolves it
   * against its working directory). Without it, a path-like text that is no PEP 508 string is
   * taken as a directory, and so is any `-e` value that is not a URL.
   */
  isDirectory?: IsDirectory;
}

export interface RequirementsInclude {
  kind: 'requirement' | 'constraint';
  path: string;
  line: number;
}

export interface RequirementsOption {
  name: string;
  value: string | null;
  line: number;
}

export interface ParsedRequirementsText {
  requirements: Requirement[];
  includes: RequirementsInclude[];
  options: RequirementsOption[];
}

/** One logical line's meaning, or the error pip would stop at. */
export type ScannedLine =
  | { kind: 'requirement'; line: number; requirement: Requirement; formatOptions: RequirementsOption[] }
  | { kind: 'include'; line: number; include: RequirementsInclude }
  | { kind: 'options'; line: number; options: RequirementsOption[] }
  | { kind: 'error'; line: number; error: InputFileError };

// Options that belong to the requirement on their line (SUPPORTED_OPTIONS_REQ / _EDITABLE_REQ).
const REQUIREMENT_OPTIONS = ['--hash', '--config-settings'];
const EDITABLE_OPTIONS = ['--config-settings'];
// pip's docs say a requirement line ignores global options, but the --no-binary/--only-binary
// callbacks write into the finder's FormatControl while the line is parsed (req_file.py,
// get_line_parser: `defaults.format_control = finder.format_control`): `six --no-binary six`
// does install the sdist (checked with pip 26 install --dry-run --report). So they count.
const FORMAT_OPTIONS = ['--no-binary', '--only-binary'];
// Options that only make sense with a requirement; pip ignores them on an option-only line.
const IGNORED_ON_OPTION_LINES = ['--hash', '--config-settings'];

/** Parses requirements-file text; throws InputFileError for the first line pip would refuse. */
export function parseRequirementsText(text: string, file: string, opts: RequirementsTextOptions = {}): ParsedRequirementsText {
  const parsed: ParsedRequirementsText = { requirements: [], includes: [], options: [] };
  for (const scanned of scanRequirementsText(text, file, opts)) {
    if (scanned.kind === 'error') throw scanned.error;
    if (scanned.kind === 'requirement') {
      parsed.requirements.push(scanned.requirement);
      parsed.options.push(...scanned.formatOptions);
    } else if (scanned.kind === 'include') parsed.includes.push(scanned.include);
    else parsed.options.push(...scanned.options);
  }
  return parsed;
}

/** Every logical line's meaning, errors included, so a caller can see all problems at once. */
export function scanRequirementsText(text: string, file: string, opts: RequirementsTextOptions = {}): ScannedLine[] {
  return preprocessRequirementsText(text, opts.env).map(({ line, text: lineText }) => {
    try {
      return scanLine(lineText, file, line, opts);
    } catch (error) {
      if (error instanceof InputFileError) return { kind: 'error', line, error };
      if (error instanceof OptionLineError) {
        return { kind: 'error', line, error: new InputFileError(file, line, `invalid line ${JSON.stringify(lineText)}: ${error.message}`) };
      }
      throw error;
    }
  });
}

function scanLine(text: string, file: string, line: number, opts: RequirementsTextOptions): ScannedLine {
  const { args, options } = parseLineParts(text);
  const values = (name: string) => options.filter((option) => option.name === name).map((option) => option.value!);
  const editables = values('--editable');
  const requirementText = args !== '' ? args : editables[0];
  if (requirementText !== undefined) {
    const editable = editables.length > 0;
    if (editable && opts.constraint) throw new InputFileError(file, line, 'Editable requirements are not allowed as constraints');
    const origin = { file, line };
    const parse = editable ? parsePipEditable : parsePipRequirement;
    const parts = parse(requirementText, origin, opts.isDirectory);
    const kept = editable ? EDITABLE_OPTIONS : REQUIREMENT_OPTIONS;
    const requirement: Requirement = {
      file,
      line,
      text: requirementText,
      ...parts,
      editable,
      options: options.filter((option) => kept.includes(option.name)).map(formatOption),
    };
    const formatOptions = options.filter((option) => FORMAT_OPTIONS.includes(option.name)).map((option) => ({ ...option, line }));
    return { kind: 'requirement', line, requirement, formatOptions };
  }
  // A nested file: pip follows the first -r (else the first -c) and ignores the line's other options.
  const [requirementPath] = values('--requirement');
  const [constraintPath] = values('--constraint');
  if (requirementPath !== undefined) return { kind: 'include', line, include: { kind: 'requirement', path: requirementPath, line } };
  if (constraintPath !== undefined) return { kind: 'include', line, include: { kind: 'constraint', path: constraintPath, line } };
  const kept = options.filter((option) => !IGNORED_ON_OPTION_LINES.includes(option.name));
  return { kind: 'options', line, options: kept.map((option) => ({ ...option, line })) };
}

function formatOption(option: ParsedOption): string {
  return option.value === null ? option.name : `${option.name}=${option.value}`;
}
