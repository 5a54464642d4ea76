/**
 * PEP 508 environment markers: parsing into a tree and printing the tree the way
 * `str(packaging.markers.Marker(...))` does (packaging 26).
 * Source: https://github.com/pypa/packaging/blob/main/src/packaging/_parser.py and markers.py.
 */
import { normalizeName } from './normalize.ts';
import { Pep508SyntaxError, Tokenizer, decodeQuotedString } from './pep508-tokenizer.ts';

export interface MarkerOperand {
  kind: 'variable' | 'value';
  value: string;
}
export interface MarkerItem {
  lhs: MarkerOperand;
  op: string;
  rhs: MarkerOperand;
}
export type MarkerLogical = 'and' | 'or';
export type MarkerAtom = MarkerItem | MarkerList;
export type MarkerList = (MarkerAtom | MarkerLogical)[];

// packaging's cap on nested parentheses (the same as CPython's parser).
const MAX_NESTING = 200;
// Variables that take a set of names (lock files); their membership literal is normalised.
export const SET_VARIABLES: readonly string[] = ['extras', 'dependency_groups'];
// Old spellings packaging maps to one canonical name.
const VARIABLE_ALIASES: Record<string, string> = { python_implementation: 'platform_python_implementation' };

/** Parses a whole marker expression; throws Pep508SyntaxError. */
export function parseMarkerText(source: string): MarkerList {
  const tokenizer = new Tokenizer(source);
  const markers = parseMarkerList(tokenizer);
  tokenizer.expect('END', 'end of marker expression');
  return markers;
}

/** marker = marker_atom (BOOLOP marker_atom)* — used inside a requirement too. */
export function parseMarkerList(tokenizer: Tokenizer, depth = 0): MarkerList {
  const expression: MarkerList = [parseAtom(tokenizer, depth)];
  for (let op = tokenizer.take('BOOLOP'); op !== null; op = tokenizer.take('BOOLOP')) {
    expression.push(op as MarkerLogical, parseAtom(tokenizer, depth));
  }
  return normalizeExtraValues(expression);
}

function parseAtom(tokenizer: Tokenizer, depth: number): MarkerAtom {
  tokenizer.take('WS');
  let atom: MarkerAtom;
  const open = tokenizer.position;
  if (tokenizer.take('LEFT_PARENTHESIS') !== null) {
    if (depth >= MAX_NESTING) tokenizer.fail(`Marker expression is nested more than ${MAX_NESTING} levels deep`, open);
    atom = parseMarkerList(tokenizer, depth + 1);
    if (tokenizer.take('RIGHT_PARENTHESIS') === null) {
      tokenizer.fail('Expected matching RIGHT_PARENTHESIS for LEFT_PARENTHESIS, after marker expression', open);
    }
  } else {
    const lhs = parseOperand(tokenizer);
    tokenizer.take('WS');
    const op = parseOperator(tokenizer);
    tokenizer.take('WS');
    atom = { lhs, op, rhs: parseOperand(tokenizer) };
  }
  tokenizer.take('WS');
  return atom;
}

function parseOperand(tokenizer: Tokenizer): MarkerOperand {
  const variable = tokenizer.take('VARIABLE');
  if (variable !== null) {
    const name = variable.replace(/\./g, '_');
    return { kind: 'variable', value: Object.hasOwn(VARIABLE_ALIASES, name) ? VARIABLE_ALIASES[name]! : name };
  }
  const start = tokenizer.position;
  const quoted = tokenizer.take('QUOTED_STRING');
  if (quoted === null) tokenizer.fail('Expected a marker variable or quoted string');
  const value = decodeQuotedString(quoted);
  if (value === null) tokenizer.fail('Invalid quoted string', start);
  return { kind: 'value', value };
}

function parseOperator(tokenizer: Tokenizer): string {
  if (tokenizer.take('IN') !== null) return 'in';
  if (tokenizer.take('NOT') !== null) {
    tokenizer.expect('WS', "whitespace after 'not'");
    tokenizer.expect('IN', "'in' after 'not'");
    return 'not in';
  }
  const op = tokenizer.take('OP');
  if (op === null) tokenizer.fail('Expected marker operator, one of <=, <, !=, ==, >=, >, ~=, ===, in, not in');
  return op;
}

// PEP 685: extra names compare normalised, so packaging normalises the literal at parse time.
function normalizeExtraValues(list: MarkerList): MarkerList {
  return list.map((entry) => {
    if (typeof entry === 'string' || Array.isArray(entry)) return entry;
    const { lhs, op, rhs } = entry;
    if (lhs.kind === 'variable' && lhs.value === 'extra' && rhs.kind === 'value') {
      return { lhs, op, rhs: { kind: 'value', value: normalizeName(rhs.value) } };
    }
    const extraOnRight = rhs.value === 'extra' || SET_VARIABLES.includes(rhs.value);
    if (rhs.kind === 'variable' && extraOnRight && lhs.kind === 'value') {
      return { lhs: { kind: 'value', value: normalizeName(lhs.value) }, op, rhs };
    }
    return entry;
  });
}

function formatOperand(operand: MarkerOperand): string {
  if (operand.kind === 'variable') return operand.value;
  if (!operand.value.includes('"')) return `"${operand.value}"`;
  if (!operand.value.includes("'")) return `'${operand.value}'`;
  throw new Pep508SyntaxError('Cannot serialize marker value containing both quote characters', 0);
}

/** The marker tree as packaging prints it: double quotes, single spaces, only needed parentheses. */
export function formatMarker(marker: MarkerAtom | MarkerLogical, first = true): string {
  if (typeof marker === 'string') return marker;
  if (!Array.isArray(marker)) return `${formatOperand(marker.lhs)} ${marker.op} ${formatOperand(marker.rhs)}`;
  const only = marker[0];
  if (marker.length === 1 && only !== undefined && typeof only !== 'string') return formatMarker(only, first);
  const inner = marker.map((entry) => formatMarker(entry, false)).join(' ');
  return first ? inner : `(${inner})`;
}
