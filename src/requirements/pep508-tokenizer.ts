/**
 * The token rules of packaging's hand-written PEP 508 parser, ported rule by rule so that what we
 * accept and reject matches `packaging.requirements.Requirement` (packaging 26).
 * Source: https://github.com/pypa/packaging/blob/main/src/packaging/_tokenizer.py and specifiers.py.
 *
 * JavaScript's `\b`, `\s` and `\S` are ASCII-based while Python's are Unicode-aware, so the Python
 * classes are spelled out here.
 */

// Python's `\s` for str patterns (str.isspace): note \x1c-\x1f and \x85 are included, \ufeff is not.
export const PY_SPACE = '\\t\\n\\v\\f\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
// Python's `\w`: letters, numbers and underscore.
const PY_WORD = '[\\p{L}\\p{N}_]';
// Python's `\b`, which JavaScript only has for ASCII.
const B = `(?:(?<=${PY_WORD})(?!${PY_WORD})|(?<!${PY_WORD})(?=${PY_WORD}))`;

// Parts of packaging's Specifier regex; possessive quantifiers dropped (JavaScript lacks them),
// which does not change what a greedy first match accepts here.
const PRE = '(?:[-_.]?(?:alpha|beta|preview|pre|a|b|c|rc)[-_.]?[0-9]*)?';
const POST = '(?:-[0-9]+|[-_.]?(?:post|rev|r)[-_.]?[0-9]*)?';
const DEV = '(?:[-_.]?dev[-_.]?[0-9]*)?';
const LOCAL = '(?:\\+[a-z0-9]+(?:[-_.][a-z0-9]+)*)?';
const RELEASE = 'v?(?:[0-9]+!)?[0-9]+';
const S = `[${PY_SPACE}]*`;

const EDGE_SPACE = new RegExp(`^[${PY_SPACE}]+|[${PY_SPACE}]+$`, 'g');

/** Python's str.strip(): removes Unicode whitespace at both ends. */
export function pyStrip(text: string): string {
  return text.replace(EDGE_SPACE, '');
}

/** One PEP 440 specifier clause (operator and version), as packaging's Specifier regex. */
export const SPECIFIER_SOURCE =
  `(?:===${S}[^${PY_SPACE};)]+` +
  `|(?:==|!=)${S}${RELEASE}(?:\\.[0-9]+)*(?:\\.\\*|${PRE}${POST}${DEV}${LOCAL})?` +
  `|~=${S}${RELEASE}(?:\\.[0-9]+)+${PRE}${POST}${DEV}` +
  `|(?:<=|>=|<|>)${S}${RELEASE}(?:\\.[0-9]+)*${PRE}${POST}${DEV})`;

/** A whole clause as packaging's Specifier() accepts it (surrounding whitespace allowed). */
export const SPECIFIER_FULL = new RegExp(`^${S}${SPECIFIER_SOURCE}${S}$`, 'i');

// For pure-ASCII text, Python's `\b` is exactly JavaScript's: the ASCII rule set below uses it
// and no `u` flag. Unicode property classes are slow to compile (~15 ms for a 300-line file),
// and nearly every requirements file is ASCII.
const ASCII_B = '\\b';

function ruleSources(b: string) {
  return {
    LEFT_PARENTHESIS: ['\\(', ''],
    RIGHT_PARENTHESIS: ['\\)', ''],
    LEFT_BRACKET: ['\\[', ''],
    RIGHT_BRACKET: ['\\]', ''],
    SEMICOLON: [';', ''],
    COMMA: [',', ''],
    QUOTED_STRING: [`'[^']*'|"[^"]*"`, ''],
    OP: ['===|==|~=|!=|<=|>=|<|>', ''],
    BOOLOP: [`${b}(?:or|and)${b}`, 'u'],
    IN: [`${b}in${b}`, 'u'],
    NOT: [`${b}not${b}`, 'u'],
    VARIABLE: [
      `${b}(?:python_version|python_full_version|os[._]name|sys[._]platform|platform_(?:release|system)` +
        `|platform[._](?:version|machine|python_implementation)|python_implementation|implementation_(?:name|version)` +
        `|extras?|dependency_groups)${b}`,
      'u',
    ],
    SPECIFIER: [SPECIFIER_SOURCE, 'i'],
    AT: ['@', ''],
    URL: [`[^${PY_SPACE}]+`, 'u'],
    IDENTIFIER: [`${b}[a-zA-Z0-9][a-zA-Z0-9._-]*${b}`, 'u'],
    SPECIFIER_LIST: ['[\\t\\x20-\\x28\\x2a-\\x3a\\x3c-\\x7e]*(?=[;)]|$)', ''],
    VERSION_PREFIX_TRAIL: ['\\.\\*', ''],
    VERSION_LOCAL_LABEL_TRAIL: ['\\+[a-z0-9]+(?:[-_.][a-z0-9]+)*', ''],
    WS: ['[ \\t]+', ''],
    END: ['$', ''],
  } as const;
}

export type TokenName = keyof ReturnType<typeof ruleSources>;
type Rules = Record<TokenName, RegExp>;

function compileRules(b: string, ascii: boolean): Rules {
  return Object.fromEntries(Object.entries(ruleSources(b)).map(([name, [source, flags]]) => [name, new RegExp(source, `y${ascii ? flags.replace('u', '') : flags}`)])) as Rules;
}

let unicodeRules: Rules | undefined;
let asciiRules: Rules | undefined;

function rulesFor(source: string): Rules {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(source)) return (asciiRules ??= compileRules(ASCII_B, true));
  return (unicodeRules ??= compileRules(B, false));
}

/** A syntax error at a position of the parsed text (converted to InputFileError by callers). */
export class Pep508SyntaxError extends Error {
  override name = 'Pep508SyntaxError';
  constructor(
    readonly detail: string,
    readonly position: number,
  ) {
    super(detail);
  }
}

/** Context-sensitive tokenizer: each call tries one rule at the current position. */
export class Tokenizer {
  position = 0;
  private readonly rules: Rules;
  constructor(readonly source: string) {
    this.rules = rulesFor(source);
  }

  /** The text the rule matches at the current position, without moving; null when it does not match. */
  peek(name: TokenName): string | null {
    const rule = this.rules[name];
    rule.lastIndex = this.position;
    const match = rule.exec(this.source);
    return match ? match[0] : null;
  }

  /** Moves past the rule's match if it matches; returns the matched text or null. */
  take(name: TokenName): string | null {
    const text = this.peek(name);
    if (text !== null) this.position += text.length;
    return text;
  }

  /** Like take, but a missing match is a syntax error "Expected <expected>". */
  expect(name: TokenName, expected: string): string {
    const text = this.take(name);
    if (text === null) this.fail(`Expected ${expected}`);
    return text;
  }

  /** Throws a syntax error at the current position. */
  fail(detail: string, position = this.position): never {
    throw new Pep508SyntaxError(detail, position);
  }
}

// Python string-literal escapes that packaging's ast.literal_eval decodes in quoted marker values.
const SIMPLE_ESCAPES: Record<string, string> = {
  '\\': '\\',
  "'": "'",
  '"': '"',
  n: '\n',
  t: '\t',
  r: '\r',
  a: '\x07',
  b: '\b',
  f: '\f',
  v: '\v',
  '\n': '',
};
const ESCAPE_PATTERN = /\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{1,3}|[\s\S])/g;

/** The value of a quoted marker string, decoding backslash escapes as Python does; null if invalid. */
export function decodeQuotedString(quoted: string): string | null {
  const body = quoted.slice(1, -1);
  if (!body.includes('\\')) return body;
  // A backslash right before the closing quote escapes it: the literal is unterminated.
  if (/(^|[^\\])(\\\\)*\\$/.test(body)) return null;
  if (body.includes('\\N{')) return null; // named escapes need the Unicode name table
  let valid = true;
  const value = body.replace(ESCAPE_PATTERN, (whole, code: string) => {
    if (Object.hasOwn(SIMPLE_ESCAPES, code)) return SIMPLE_ESCAPES[code] as string;
    if (/^[xuU]/.test(code)) {
      // `\x`, `\u`, `\U` without all their hex digits, or past U+10FFFF: Python refuses the literal.
      const point = code.length > 1 ? parseInt(code.slice(1), 16) : Number.NaN;
      if (!(point <= 0x10ffff)) valid = false;
      return valid ? String.fromCodePoint(point) : '';
    }
    if (/^[0-7]/.test(code)) return String.fromCodePoint(parseInt(code, 8));
    return whole; // Python keeps unknown escapes such as `\d` as written
  });
  return valid ? value : null;
}
