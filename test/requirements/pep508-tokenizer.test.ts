/**
 * The token rules behind the PEP 508 and marker parsers (src/requirements/pep508-tokenizer.ts),
 * tested directly: Python's str.strip() whitespace, packaging 26's Specifier() grammar, and
 * ast.literal_eval's escapes in quoted marker values. Every expectation below was printed by the
 * Python side (CPython 3 str.strip, packaging.specifiers.Specifier, ast.literal_eval; `\\N{...}`
 * named escapes, which we refuse, marked null by hand). Each test imports a fresh module: the rules
 * are module-level and compiled once per module.
 */
import { describe, expect, it, vi } from 'vitest';

async function fresh() {
  vi.resetModules();
  return import('../../src/requirements/pep508-tokenizer.ts');
}

// [code point, whether Python's str.strip() removes it]
const STRIP: [number, boolean][] = [
  [0x0009, true],
  [0x000a, true],
  [0x000b, true],
  [0x000c, true],
  [0x000d, true],
  [0x001c, true],
  [0x001d, true],
  [0x001e, true],
  [0x001f, true],
  [0x0020, true],
  [0x0085, true],
  [0x00a0, true],
  [0x1680, true],
  [0x2000, true],
  [0x2005, true],
  [0x200a, true],
  [0x200b, false],
  [0x2028, true],
  [0x2029, true],
  [0x202f, true],
  [0x205f, true],
  [0x3000, true],
  [0xfeff, false],
  [0x0008, false],
  [0x0021, false],
  [0x001b, false],
];

// [clause, whether packaging's Specifier() accepts it]
const SPECIFIERS: [string, boolean][] = [
  ['==1.0', true],
  ['== 1.0', true],
  [' ==1.0 ', true],
  ['==1.0.*', true],
  ['==1.*.0', false],
  ['!=1.0.*', true],
  ['==1.0+local', true],
  ['==1.0+loc.al-1_x', true],
  ['==1.0+', false],
  ['!=1.0+local', true],
  ['===anything', true],
  ['=== x y', false],
  ['===', false],
  ['~=1.0', true],
  ['~=1', false],
  ['~=1.0.*', false],
  ['~=1.0rc1', true],
  ['~=1.0+local', false],
  ['>=1.0', true],
  ['>=1.0.*', false],
  ['>=1.0+local', false],
  ['<1.0', true],
  ['>1.0.post1', true],
  ['<=1!2.0', true],
  ['==v1.0', true],
  ['==1.0a1', true],
  ['==1.0alpha1', true],
  ['==1.0-beta.2', true],
  ['==1.0preview3', true],
  ['==1.0pre', true],
  ['==1.0c1', true],
  ['==1.0RC1', true],
  ['==1.0-1', true],
  ['==1.0.post', true],
  ['==1.0rev2', true],
  ['==1.0-r3', true],
  ['==1.0.dev', true],
  ['==1.0dev1', true],
  ['==1.0_dev_2', true],
  ['>=1.0a1.post2.dev3', true],
  ['==1.0a1.post2.dev3+abc', true],
  ['<>1.0', false],
  ['=1.0', false],
  ['==', false],
  ['==1.0 1', false],
  ['==1..0', false],
  ['>=1.0)', false],
  ['==1.0;', false],
  ['===a;b', false],
  ['===a)b', false],
  ['==\u30001.0', true],
  ['==\t1.0', true],
  ['\t==1.0\t', true],
  ['==1!1.0', true],
  ['==01.0', true],
  ['~=1.0.post1.dev1', true],
  ['<1.0.*', false],
  ['!=1.0+x', true],
  ['==1.0a', true],
  ['==1.0a.1', true],
  ['==1.0.a1', true],
  ['==1.0.rc.1', true],
  ['==1.0_post_1', true],
  ['==1.0.dev.1', true],
  ['>=1.0+x', false],
];

// [quoted literal, its value (ast.literal_eval), or null when Python refuses it]
const QUOTED: [string, string | null][] = [
  ["'plain'", 'plain'],
  ["'a\\tb'", 'a\tb'],
  ["'a\\nb'", 'a\nb'],
  ["'a\\rb'", 'a\rb'],
  ["'a\\\\b'", 'a\\b'],
  ["'a\\'b'", "a'b"],
  ["'a\\\"b'", 'a"b'],
  ["'a\\ab'", 'a\u0007b'],
  ["'a\\bb'", 'a\bb'],
  ["'a\\fb'", 'a\fb'],
  ["'a\\vb'", 'a\u000bb'],
  ["'a\\\nb'", 'ab'],
  ["'\\x41\\x7a'", 'Az'],
  ["'\\u00e9'", '\u00e9'],
  ["'\\U0001F600'", '\ud83d\ude00'],
  ["'\\101\\7\\0'", 'A\u0007\u0000'],
  ["'\\1234'", 'S4'],
  ["'\\d\\w'", '\\d\\w'],
  ["'\\'", null],
  ["'a\\\\'", 'a\\'],
  ["'a\\\\\\'", null],
  ["'\\N{DASH}'", null],
  ["'\\xZZ'", null],
  ["'\\u12'", null],
  ["'\\U0001F60'", null],
  ["'\\U00110000'", null],
  ["'\\U0010FFFF'", '\udbff\udfff'],
  ["'\\x4'", null],
  ["'\\\\xZZ'", '\\xZZ'],
  ["'\\8'", '\\8'],
  ["'\\\\x41'", '\\x41'],
];

describe('pyStrip is str.strip()', () => {
  it('each whitespace character of Python, and some that are not', async () => {
    const { pyStrip } = await fresh();
    const wrong = STRIP.filter(([code, strips]) => {
      const c = String.fromCodePoint(code);
      return (pyStrip(`${c}x${c}`) === 'x') !== strips;
    });
    expect(wrong.map(([code]) => code.toString(16))).toEqual([]);
    expect(pyStrip('  a b  ')).toBe('a b');
    expect(pyStrip('\u3000\u3000a\u2028')).toBe('a');
    expect(pyStrip('')).toBe('');
  });
});

describe('SPECIFIER_FULL is packaging.specifiers.Specifier', () => {
  it('accepts and refuses what packaging does', async () => {
    const { SPECIFIER_FULL } = await fresh();
    const wrong = SPECIFIERS.filter(([clause, valid]) => SPECIFIER_FULL.test(clause) !== valid);
    expect(wrong).toEqual([]);
  });
});

describe('decodeQuotedString is ast.literal_eval', () => {
  it('each escape (an incomplete \\x, \\u or \\U escape threw a RangeError before: fixed here)', async () => {
    const { decodeQuotedString } = await fresh();
    const wrong = QUOTED.flatMap(([quoted, value]) => {
      let ours: string | null;
      try {
        ours = decodeQuotedString(quoted);
      } catch (error) {
        ours = `threw ${(error as Error).name}`;
      }
      return ours === value ? [] : [{ quoted, ours, python: value }];
    });
    expect(wrong).toEqual([]);
    expect(decodeQuotedString('"double"')).toBe('double');
  });
});

describe('Tokenizer', () => {
  it('peek does not move, take moves past the match, expect fails with "Expected ..." at the position', async () => {
    const { Tokenizer, Pep508SyntaxError } = await fresh();
    const t = new Tokenizer('name [a]');
    expect(t.peek('IDENTIFIER')).toBe('name');
    expect(t.position).toBe(0);
    expect(t.take('IDENTIFIER')).toBe('name');
    expect(t.position).toBe(4);
    expect(t.take('IDENTIFIER')).toBeNull();
    expect(t.position).toBe(4);
    expect(t.take('WS')).toBe(' ');
    expect(t.expect('LEFT_BRACKET', 'left bracket')).toBe('[');
    expect(t.position).toBe(6);
    let caught: unknown;
    try {
      t.expect('RIGHT_BRACKET', 'right bracket');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(Pep508SyntaxError);
    expect(caught).toMatchObject({ name: 'Pep508SyntaxError', message: 'Expected right bracket', detail: 'Expected right bracket', position: 6 });
    expect(() => t.fail('here', 2)).toThrow(expect.objectContaining({ position: 2, detail: 'here' }));
  });

  it("word boundaries are Python's (Unicode) in non-ASCII text, ASCII's otherwise", async () => {
    const { Tokenizer } = await fresh();
    // packaging's IDENTIFIER needs \b after the name: `é` is a word character to Python.
    expect(new Tokenizer('abé').peek('IDENTIFIER')).toBeNull();
    expect(new Tokenizer('ab é').peek('IDENTIFIER')).toBe('ab');
    expect(new Tokenizer('ab-c.d_e9 x').peek('IDENTIFIER')).toBe('ab-c.d_e9');
    expect(new Tokenizer('-ab').peek('IDENTIFIER')).toBeNull();
    expect(new Tokenizer('orx').peek('BOOLOP')).toBeNull();
    expect(new Tokenizer('or x').peek('BOOLOP')).toBe('or');
    expect(new Tokenizer('and(').peek('BOOLOP')).toBe('and');
    expect(new Tokenizer('oré').peek('BOOLOP')).toBeNull();
    expect(new Tokenizer('in"x"').peek('IN')).toBe('in');
    expect(new Tokenizer('inx').peek('IN')).toBeNull();
    expect(new Tokenizer('not in').peek('NOT')).toBe('not');
    expect(new Tokenizer('notin').peek('NOT')).toBeNull();
  });

  it('the variables, operators and other rules', async () => {
    const { Tokenizer } = await fresh();
    const peek = (rule: Parameters<InstanceType<typeof Tokenizer>['peek']>[0], text: string) => new Tokenizer(text).peek(rule);
    for (const variable of [
      'python_version',
      'python_full_version',
      'os_name',
      'os.name',
      'sys_platform',
      'sys.platform',
      'platform_release',
      'platform_system',
      'platform_version',
      'platform.version',
      'platform_machine',
      'platform.machine',
      'platform_python_implementation',
      'platform.python_implementation',
      'python_implementation',
      'implementation_name',
      'implementation_version',
      'extra',
      'extras',
      'dependency_groups',
    ]) {
      expect(peek('VARIABLE', `${variable} ==`), variable).toBe(variable);
    }
    expect(peek('VARIABLE', 'os-name')).toBeNull();
    expect(peek('VARIABLE', 'extrax')).toBeNull();
    expect(peek('VARIABLE', 'platform.release')).toBeNull();
    for (const op of ['===', '==', '~=', '!=', '<=', '>=', '<', '>']) expect(peek('OP', `${op}"1"`)).toBe(op);
    expect(peek('OP', '=')).toBeNull();
    expect(peek('QUOTED_STRING', `'a"b' x`)).toBe(`'a"b'`);
    expect(peek('QUOTED_STRING', `"a'b" x`)).toBe(`"a'b"`);
    expect(peek('QUOTED_STRING', `'ab`)).toBeNull();
    expect(peek('URL', 'https://x.org/a b')).toBe('https://x.org/a');
    expect(peek('URL', 'https://x.org/a\u3000b')).toBe('https://x.org/a');
    expect(peek('SPECIFIER_LIST', '>=1.0, <2 ; python_version')).toBe('>=1.0, <2 ');
    expect(peek('SPECIFIER_LIST', '>=1.0)')).toBe('>=1.0');
    expect(peek('SPECIFIER_LIST', '>=1.0')).toBe('>=1.0');
    expect(peek('SPECIFIER_LIST', '>=1.0é')).toBeNull();
    expect(peek('VERSION_PREFIX_TRAIL', '.*')).toBe('.*');
    expect(peek('VERSION_LOCAL_LABEL_TRAIL', '+abc.1-x_y z')).toBe('+abc.1-x_y');
    expect(peek('WS', ' \t x')).toBe(' \t ');
    expect(peek('WS', '\u3000')).toBeNull();
    expect(peek('END', '')).toBe('');
    expect(peek('END', 'x')).toBeNull();
    expect(peek('AT', '@')).toBe('@');
    expect(peek('SEMICOLON', ';')).toBe(';');
    expect(peek('COMMA', ',')).toBe(',');
    expect(peek('LEFT_PARENTHESIS', '(')).toBe('(');
    expect(peek('RIGHT_PARENTHESIS', ')')).toBe(')');
    expect(peek('SPECIFIER', '>=1.0a1 x')).toBe('>=1.0a1');
    expect(peek('SPECIFIER', '>=1.0A1 x')).toBe('>=1.0A1');
  });
});
