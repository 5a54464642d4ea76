/**
 * pip's preprocessing of a requirements file, before any line is parsed: split lines, join
 * backslash continuations, strip comments, expand `${VAR}`. Order and regexes as pip 26's
 * pip/_internal/req/req_file.py (preprocess, join_lines, ignore_comments, expand_env_variables).
 */
import { PY_SPACE, pyStrip } from './pep508-tokenizer.ts';

/** One logical line: its 1-based number (the first physical line of a continuation) and text. */
export interface LogicalLine {
  line: number;
  text: string;
}

// Python's str.splitlines() boundaries: the file/group/record separators are line breaks there too.
// eslint-disable-next-line no-control-regex -- these control characters are the point
const LINE_BREAK = /\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/;
// pip's COMMENT_RE `(^|\s+)#.*$`: `#` at the start or after whitespace starts a comment.
const COMMENT_START = new RegExp(`^[${PY_SPACE}]*#`);
const COMMENT = new RegExp(`(^|[${PY_SPACE}]+)#.*$`, 's');
// pip's ENV_VAR_RE: only ${NAME} with upper-case letters, digits and underscores (POSIX names).
const ENV_VAR = /\$\{([A-Z0-9_]+)\}/g;

/** Python's str.splitlines(): no empty last line for a trailing line break. */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split(LINE_BREAK);
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/** The logical lines pip parses, with a leading UTF-8 BOM removed. */
export function preprocessRequirementsText(text: string, env: Record<string, string | undefined> = {}): LogicalLine[] {
  const physical = splitLines(text.replace(/^\ufeff/, ''));
  return joinContinuations(physical)
    .map(({ line, text: joined }) => ({ line, text: pyStrip(joined.replace(COMMENT, '')) }))
    .filter(({ text: stripped }) => stripped !== '')
    .map(({ line, text: stripped }) => ({ line, text: expandVariables(stripped, env) }));
}

// join_lines: a line ending in `\` continues on the next one, unless it is a comment line; a
// comment line ending a continuation gets a leading space so that it is still stripped later.
function joinContinuations(physical: string[]): LogicalLine[] {
  const joined: LogicalLine[] = [];
  let pending: string[] = [];
  let first = 0;
  physical.forEach((raw, index) => {
    const isComment = COMMENT_START.test(raw);
    if (!raw.endsWith('\\') || isComment) {
      const text = isComment ? ` ${raw}` : raw;
      if (pending.length > 0) {
        joined.push({ line: first, text: pending.join('') + text });
        pending = [];
      } else joined.push({ line: index + 1, text });
    } else {
      if (pending.length === 0) first = index + 1;
      // pip uses line.strip("\\"): backslashes go from both ends.
      pending.push(raw.replace(/^\\+|\\+$/g, ''));
    }
  });
  if (pending.length > 0) joined.push({ line: first, text: pending.join('') });
  return joined;
}

// expand_env_variables: each ${NAME} found is replaced everywhere; unset or empty stays literal.
function expandVariables(text: string, env: Record<string, string | undefined>): string {
  let expanded = text;
  for (const [reference, name] of text.matchAll(ENV_VAR)) {
    const value = env[name!];
    if (value) expanded = expanded.split(reference).join(value);
  }
  return expanded;
}
