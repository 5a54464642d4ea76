/**
 * Reads a requirements file and the files it includes (`-r`, `-c`) the way pip does, but only
 * inside the project: includes are resolved against the including file's directory, must stay
 * within projectRoot, and may not form a cycle (pip refuses cycles too). The only module here
 * that touches the file system, through an injectable readFile.
 */
import { statSync } from 'node:fs';
import { readFile as readFileFromDisk } from 'node:fs/promises';
import { isAbsolute, relative, resolve, dirname, sep } from 'node:path';
import { InputFileError } from '../errors.ts';
import { scanRequirementsText, type RequirementsInclude, type RequirementsOption } from './requirements-file.ts';
import type { Requirement } from './types.ts';

export interface ReadRequirementsOptions {
  projectRoot: string;
  env?: Record<string, string | undefined>;
  /** Reads a file's bytes (default: node:fs). */
  readFile?: (absolutePath: string) => Promise<Uint8Array>;
  /** Whether a local requirement path is a directory (default: node:fs, relative to projectRoot, where pip runs). */
  isDirectory?: (path: string) => boolean;
}

export interface RequirementsFiles {
  /** Requirements from the file and its `-r` includes, in pip's order. */
  requirements: Requirement[];
  /** Requirements from `-c` constraint files (and what they include). */
  constraints: Requirement[];
  /** Every include followed, with the file it appears in; `path` is project-relative. */
  includes: (RequirementsInclude & { file: string })[];
  options: (RequirementsOption & { file: string })[];
  /** Project-relative paths of every file read, the main file first. */
  files: string[];
}

// pip's _decode_req_file: a byte-order mark wins, then a PEP 263 coding comment, then UTF-8.
const BOMS: readonly [number[], string][] = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xff, 0xfe], 'utf-16le'],
  [[0xfe, 0xff], 'utf-16be'],
];
const CODING_COMMENT = /coding[:=]\s*([-\w.]+)/;
const URL_INCLUDE = /^(https?|file):/i;

/** Parses `path` (relative to projectRoot, or absolute inside it) and follows its includes. */
export async function parseRequirementsFile(path: string, options: ReadRequirementsOptions): Promise<RequirementsFiles> {
  const root = resolve(options.projectRoot);
  const read = options.readFile ?? ((absolutePath: string) => readFileFromDisk(absolutePath));
  const result: RequirementsFiles = { requirements: [], constraints: [], includes: [], options: [], files: [] };
  const isDirectory = options.isDirectory ?? ((local: string) => statSync(resolve(root, local), { throwIfNoEntry: false })?.isDirectory() ?? false);
  const main = resolve(root, path);
  if (!isInside(root, main)) throw new InputFileError(path, null, `is outside the project directory ${root}`);

  async function visit(absolutePath: string, constraint: boolean, ancestors: string[], includedFrom: { file: string; line: number } | null) {
    const file = toProjectPath(root, absolutePath);
    let bytes: Uint8Array;
    try {
      bytes = await read(absolutePath);
    } catch (error) {
      // A refused file (not regular, too large) carries its reason; errno errors get a short one.
      const refused = (error as { reason?: unknown }).reason;
      const reason = typeof refused === 'string' ? refused : (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
      if (includedFrom) throw new InputFileError(includedFrom.file, includedFrom.line, `cannot read included file ${file}: ${reason}`);
      throw new InputFileError(file, null, `cannot read: ${reason}`);
    }
    if (!result.files.includes(file)) result.files.push(file);
    const text = decodeRequirementsBytes(bytes, file);
    for (const scanned of scanRequirementsText(text, file, { env: options.env, constraint, isDirectory })) {
      if (scanned.kind === 'error') throw scanned.error;
      if (scanned.kind === 'requirement') {
        (constraint ? result.constraints : result.requirements).push(scanned.requirement);
        result.options.push(...scanned.formatOptions.map((option) => ({ ...option, file })));
      } else if (scanned.kind === 'options') result.options.push(...scanned.options.map((option) => ({ ...option, file })));
      else {
        const { include } = scanned;
        if (URL_INCLUDE.test(include.path)) {
          throw new InputFileError(file, include.line, `includes ${include.path}: only files inside the project can be included`);
        }
        const target = resolve(dirname(absolutePath), include.path);
        const targetName = toProjectPath(root, target);
        if (!isInside(root, target)) {
          throw new InputFileError(file, include.line, `includes ${include.path}, which is outside the project directory; copy it into the project`);
        }
        const chain = [...ancestors, absolutePath];
        if (chain.includes(target)) {
          const cycle = [...chain.slice(chain.indexOf(target)), target].map((step) => toProjectPath(root, step)).join(' -> ');
          throw new InputFileError(file, include.line, `includes ${include.path}, which includes this file again (${cycle})`);
        }
        result.includes.push({ ...include, path: targetName, file });
        // pip: a file named by -r holds requirements even inside a constraints file.
        await visit(target, include.kind === 'constraint', chain, { file, line: include.line });
      }
    }
  }

  await visit(main, false, [], null);
  return result;
}

/** Text of a requirements file's bytes, decoded as pip does (BOM, PEP 263 comment, UTF-8). */
export function decodeRequirementsBytes(bytes: Uint8Array, file: string): string {
  for (const [bom, encoding] of BOMS) {
    if (bom.every((byte, index) => bytes[index] === byte)) return decode(bytes.subarray(bom.length), encoding, file);
  }
  const firstLines = Buffer.from(bytes).toString('latin1').split('\n').slice(0, 2);
  for (const line of firstLines) {
    const coding = line.startsWith('#') ? CODING_COMMENT.exec(line) : null;
    if (coding) return decode(bytes, coding[1]!, file);
  }
  return decode(bytes, 'utf-8', file);
}

// Python's names for ISO-8859-1, which WHATWG's TextDecoder would read as windows-1252.
const LATIN_1 = /^(latin[-_]?1|iso[-_]?8859[-_]1|l1|8859|cp819)$/i;

function decode(bytes: Uint8Array, encoding: string, file: string): string {
  if (LATIN_1.test(encoding)) return Buffer.from(bytes).toString('latin1');
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
  } catch {
    throw new InputFileError(file, null, `declares encoding ${encoding}, which is not supported; save the file as UTF-8`);
  }
  try {
    return decoder.decode(bytes);
  } catch {
    throw new InputFileError(file, null, `is not valid ${encoding}; save the file as UTF-8`);
  }
}

function isInside(root: string, target: string): boolean {
  const rel = relative(root, target);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}

function toProjectPath(root: string, absolutePath: string): string {
  return relative(root, absolutePath).split(sep).join('/');
}
