/**
 * PEP 508 dependency specifiers, accepted and rejected as `packaging.requirements.Requirement`
 * (packaging 26) does. Source: https://github.com/pypa/packaging/blob/main/src/packaging/_parser.py
 */
import { InputFileError } from '../errors.ts';
import { formatMarker, parseMarkerList, parseMarkerText, type MarkerList } from './marker-parser.ts';
import { normalizeName } from './normalize.ts';
import { Pep508SyntaxError, SPECIFIER_FULL, Tokenizer, pyStrip } from './pep508-tokenizer.ts';
import type { Requirement } from './types.ts';

/** The parts of one dependency specifier, before they become a Requirement. */
export interface Pep508Parts {
  name: string;
  extras: string[];
  specifiers: string[];
  url: string | null;
  marker: string | null;
}

// Two-character operators; `===` is checked first, anything else is one character.
const TWO_CHAR_OPERATORS = ['~=', '==', '!=', '<=', '>='];

/** Parses `text` as `packaging.requirements.Requirement(text)` would; throws InputFileError at `origin`. */
export function parseRequirementString(text: string, origin: { file: string; line: number }): Requirement {
  const parts = withLocation(text, origin, () => parsePep508(text));
  return { file: origin.file, line: origin.line, text, ...parts, editable: false, options: [] };
}

/** Parses a marker expression and returns packaging's normalised string form; throws InputFileError. */
export function normalizeMarkerString(text: string, origin: { file: string; line: number }): string {
  return withLocation(text, origin, () => formatMarker(parseMarkerText(text)), 'Invalid marker');
}

/** Runs a parse, turning syntax errors into InputFileError with the text and position. */
export function withLocation<T>(text: string, origin: { file: string; line: number }, parse: () => T, what = 'Invalid requirement'): T {
  try {
    return parse();
  } catch (error) {
    if (!(error instanceof Pep508SyntaxError)) throw error;
    throw new InputFileError(origin.file, origin.line, `${what} ${JSON.stringify(text)}: ${error.detail} (at character ${error.position + 1})`);
  }
}

/** requirement = WS? IDENTIFIER WS? extras WS? requirement_details; throws Pep508SyntaxError. */
export function parsePep508(source: string): Pep508Parts {
  const tokenizer = new Tokenizer(source);
  tokenizer.take('WS');
  const name = tokenizer.expect('IDENTIFIER', 'package name at the start of dependency specifier');
  tokenizer.take('WS');
  const extras = parseExtras(tokenizer);
  let url: string | null = null;
  let specifierText = '';
  let markers: MarkerList | null = null;
  if (tokenizer.take('AT') !== null) {
    tokenizer.take('WS');
    const urlStart = tokenizer.position;
    url = tokenizer.expect('URL', 'URL after @');
    if (tokenizer.peek('END') === null) {
      tokenizer.expect('WS', 'whitespace after URL');
      if (tokenizer.peek('END') === null) {
        markers = parseRequirementMarker(tokenizer, urlStart, 'semicolon (after URL and whitespace)');
      }
    }
  } else {
    const specifierStart = tokenizer.position;
    specifierText = parseSpecifier(tokenizer);
    if (tokenizer.peek('END') === null) {
      const expected = splitSpecifiers(specifierText).length
        ? 'comma (within version specifier), semicolon (after version specifier)'
        : 'semicolon (after name with no version specifier)';
      markers = parseRequirementMarker(tokenizer, specifierStart, expected);
    }
  }
  tokenizer.expect('END', 'end of dependency specifier');
  return {
    name: normalizeName(name),
    extras: [...new Set(extras.map(normalizeName))].sort(),
    specifiers: toClauses(specifierText),
    url,
    marker: markers === null ? null : formatMarker(markers),
  };
}

function parseExtras(tokenizer: Tokenizer): string[] {
  const open = tokenizer.position;
  if (tokenizer.take('LEFT_BRACKET') === null) return [];
  tokenizer.take('WS');
  const extras: string[] = [];
  const first = tokenizer.take('IDENTIFIER');
  if (first !== null) {
    extras.push(first);
    for (;;) {
      tokenizer.take('WS');
      if (tokenizer.peek('IDENTIFIER') !== null) tokenizer.fail('Expected comma between extra names');
      if (tokenizer.take('COMMA') === null) break;
      tokenizer.take('WS');
      extras.push(tokenizer.expect('IDENTIFIER', 'extra name after comma'));
    }
  }
  tokenizer.take('WS');
  if (tokenizer.take('RIGHT_BRACKET') === null) {
    tokenizer.fail('Expected matching RIGHT_BRACKET for LEFT_BRACKET, after extras', open);
  }
  tokenizer.take('WS');
  return extras;
}

function parseRequirementMarker(tokenizer: Tokenizer, spanStart: number, expected: string): MarkerList {
  if (tokenizer.take('SEMICOLON') === null) tokenizer.fail(`Expected ${expected} or end`, spanStart);
  return parseMarkerList(tokenizer);
}

function parseSpecifier(tokenizer: Tokenizer): string {
  const open = tokenizer.position;
  if (tokenizer.take('LEFT_PARENTHESIS') === null) return parseVersionMany(tokenizer);
  tokenizer.take('WS');
  const specifiers = parseVersionMany(tokenizer);
  if (tokenizer.take('RIGHT_PARENTHESIS') === null) {
    tokenizer.fail('Expected matching RIGHT_PARENTHESIS for LEFT_PARENTHESIS, after version specifier', open);
  }
  tokenizer.take('WS');
  return specifiers;
}

// version_many = (SPECIFIER (WS? COMMA WS? SPECIFIER)*)? — first tried as one SpecifierSet, like packaging.
function parseVersionMany(tokenizer: Tokenizer): string {
  if (tokenizer.position === tokenizer.source.length) return '';
  const whole = tokenizer.peek('SPECIFIER_LIST');
  if (whole && isWholeSpecifierList(whole)) {
    tokenizer.position += whole.length;
    return whole;
  }
  let parsed = '';
  for (let start = tokenizer.position, spec = tokenizer.take('SPECIFIER'); spec !== null; spec = tokenizer.take('SPECIFIER')) {
    parsed += spec;
    if (tokenizer.peek('VERSION_PREFIX_TRAIL') !== null) {
      const exact = spec.startsWith('!=') || (spec.startsWith('==') && !spec.startsWith('==='));
      const message = exact ? '.* suffix cannot be used with pre-release, post-release, dev or local versions' : '.* suffix can only be used with `==` or `!=` operators';
      tokenizer.fail(message, start);
    }
    if (tokenizer.peek('VERSION_LOCAL_LABEL_TRAIL') !== null) {
      tokenizer.fail('Local version label can only be used with `==` or `!=` operators', start);
    }
    tokenizer.take('WS');
    if (tokenizer.take('COMMA') === null) break;
    parsed += ',';
    tokenizer.take('WS');
    start = tokenizer.position;
  }
  return parsed;
}

function isWholeSpecifierList(text: string): boolean {
  const items = splitSpecifiers(text);
  if (!items.every((item) => SPECIFIER_FULL.test(item))) return false;
  // SpecifierSet skips empty items, but the grammar only allows one trailing comma.
  const commas = text.split(',').length - 1;
  return items.length === commas + 1 || (items.length > 0 && items.length === commas && /,[ \t]*$/.test(text));
}

function splitSpecifiers(text: string): string[] {
  return text
    .split(',')
    .map(pyStrip)
    .filter((item) => item !== '');
}

// SpecifierSet(text): every clause must be valid; each prints as operator + version, no spaces.
function toClauses(text: string): string[] {
  return splitSpecifiers(text).map((item) => {
    if (!SPECIFIER_FULL.test(item)) throw new Pep508SyntaxError(`Invalid specifier: ${JSON.stringify(item)}`, 0);
    const size = item.startsWith('===') ? 3 : TWO_CHAR_OPERATORS.some((op) => item.startsWith(op)) ? 2 : 1;
    return item.slice(0, size) + pyStrip(item.slice(size));
  });
}
