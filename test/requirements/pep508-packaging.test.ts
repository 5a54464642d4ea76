/**
 * PEP 508 requirement strings (src/requirements/pep508.ts) against packaging 26's
 * Requirement(text): each row holds what packaging made of the text (canonical name, extras,
 * str() of each specifier, url, str(marker)), or the first line of its InvalidRequirement and the
 * position its caret line marks (the start of a `~~~^` span, else the `^`). The rows were printed
 * by running packaging on each text. A fresh module per test: the tokenizer's rules are cached.
 */
import { describe, expect, it, vi } from 'vitest';

async function fresh() {
  vi.resetModules();
  const pep508 = await import('../../src/requirements/pep508.ts');
  const tokenizer = await import('../../src/requirements/pep508-tokenizer.ts');
  return { ...pep508, Pep508SyntaxError: tokenizer.Pep508SyntaxError };
}

type Fields = { name: string; extras: string[]; specifiers: string[]; url: string | null; marker: string | null };
const ROWS: [string, Fields | { error: string; position: number }][] = [
  ['name', { name: 'name', extras: [], specifiers: [], url: null, marker: null }],
  [' name ', { name: 'name', extras: [], specifiers: [], url: null, marker: null }],
  ['Name_Of.Pkg', { name: 'name-of-pkg', extras: [], specifiers: [], url: null, marker: null }],
  ['name[]', { name: 'name', extras: [], specifiers: [], url: null, marker: null }],
  ['name[ ]', { name: 'name', extras: [], specifiers: [], url: null, marker: null }],
  ['name[a]', { name: 'name', extras: ['a'], specifiers: [], url: null, marker: null }],
  ['name[ A , b_c ]', { name: 'name', extras: ['a', 'b-c'], specifiers: [], url: null, marker: null }],
  ['name[a,a,B]', { name: 'name', extras: ['a', 'b'], specifiers: [], url: null, marker: null }],
  ['name[a b]', { error: 'Expected comma between extra names', position: 7 }],
  ['name[a,]', { error: 'Expected extra name after comma', position: 7 }],
  ['name[a', { error: 'Expected matching RIGHT_BRACKET for LEFT_BRACKET, after extras', position: 4 }],
  ['name[,a]', { error: 'Expected matching RIGHT_BRACKET for LEFT_BRACKET, after extras', position: 4 }],
  ['name [a] >=1', { name: 'name', extras: ['a'], specifiers: ['>=1'], url: null, marker: null }],
  ['name>=1.0', { name: 'name', extras: [], specifiers: ['>=1.0'], url: null, marker: null }],
  ['name >= 1.0', { name: 'name', extras: [], specifiers: ['>=1.0'], url: null, marker: null }],
  ['name>=1.0,<2', { name: 'name', extras: [], specifiers: ['>=1.0', '<2'], url: null, marker: null }],
  ['name >=1.0 , <2 ,', { name: 'name', extras: [], specifiers: ['>=1.0', '<2'], url: null, marker: null }],
  ['name>=1.0,,<2', { error: 'Expected comma (within version specifier), semicolon (after version specifier) or end', position: 4 }],
  ['name>=1.0,', { name: 'name', extras: [], specifiers: ['>=1.0'], url: null, marker: null }],
  ['name (>=1.0)', { name: 'name', extras: [], specifiers: ['>=1.0'], url: null, marker: null }],
  ['name(>=1.0,<2)', { name: 'name', extras: [], specifiers: ['>=1.0', '<2'], url: null, marker: null }],
  ['name (>=1.0', { error: 'Expected matching RIGHT_PARENTHESIS for LEFT_PARENTHESIS, after version specifier', position: 5 }],
  ['name>=1.0)', { error: 'Expected comma (within version specifier), semicolon (after version specifier) or end', position: 4 }],
  ['name==1.0.*', { name: 'name', extras: [], specifiers: ['==1.0.*'], url: null, marker: null }],
  ['name==1.0.*,!=1.1.*', { name: 'name', extras: [], specifiers: ['==1.0.*', '!=1.1.*'], url: null, marker: null }],
  ['name>=1.0.*', { error: '.* suffix can only be used with `==` or `!=` operators', position: 4 }],
  ['name==1.0a1.*', { error: '.* suffix cannot be used with pre-release, post-release, dev or local versions', position: 4 }],
  ['name~=1.0.*', { error: '.* suffix can only be used with `==` or `!=` operators', position: 4 }],
  ['name>=1.0+local', { error: 'Local version label can only be used with `==` or `!=` operators', position: 4 }],
  ['name==1.0+local', { name: 'name', extras: [], specifiers: ['==1.0+local'], url: null, marker: null }],
  ['name===weird', { name: 'name', extras: [], specifiers: ['===weird'], url: null, marker: null }],
  ["name===weird ; python_version>'3'", { name: 'name', extras: [], specifiers: ['===weird'], url: null, marker: 'python_version > "3"' }],
  ["name==1.0;python_version>'3'", { name: 'name', extras: [], specifiers: ['==1.0'], url: null, marker: 'python_version > "3"' }],
  ["name==1.0 ; python_version>'3'", { name: 'name', extras: [], specifiers: ['==1.0'], url: null, marker: 'python_version > "3"' }],
  ["name==1.0 python_version>'3'", { error: 'Expected comma (within version specifier), semicolon (after version specifier) or end', position: 4 }],
  ["name python_version>'3'", { error: 'Expected semicolon (after name with no version specifier) or end', position: 5 }],
  ["name;python_version>'3'", { name: 'name', extras: [], specifiers: [], url: null, marker: 'python_version > "3"' }],
  ['name ; ', { error: 'Expected a marker variable or quoted string', position: 7 }],
  ['name;', { error: 'Expected a marker variable or quoted string', position: 5 }],
  ['name @ https://x.org/a.whl', { name: 'name', extras: [], specifiers: [], url: 'https://x.org/a.whl', marker: null }],
  ['name@https://x.org/a.whl', { name: 'name', extras: [], specifiers: [], url: 'https://x.org/a.whl', marker: null }],
  ["name @ https://x.org/a.whl ; python_version>'3'", { name: 'name', extras: [], specifiers: [], url: 'https://x.org/a.whl', marker: 'python_version > "3"' }],
  ["name @ https://x.org/a.whl; python_version>'3'", { error: 'Expected semicolon (after URL and whitespace) or end', position: 7 }],
  ["name @ https://x.org/a.whl python_version>'3'", { error: 'Expected semicolon (after URL and whitespace) or end', position: 7 }],
  ['name @ ', { error: 'Expected URL after @', position: 7 }],
  ['name @', { error: 'Expected URL after @', position: 6 }],
  ['name @ https://x.org/a.whl ', { name: 'name', extras: [], specifiers: [], url: 'https://x.org/a.whl', marker: null }],
  ['name[x] @ file:///tmp/x', { name: 'name', extras: ['x'], specifiers: [], url: 'file:///tmp/x', marker: null }],
  ['name ==1.0 extra', { error: 'Expected comma (within version specifier), semicolon (after version specifier) or end', position: 5 }],
  ['1name', { name: '1name', extras: [], specifiers: [], url: null, marker: null }],
  ['-name', { error: 'Expected package name at the start of dependency specifier', position: 0 }],
  ['name-', { error: 'Expected semicolon (after name with no version specifier) or end', position: 4 }],
  ['na..me', { name: 'na-me', extras: [], specifiers: [], url: null, marker: null }],
  ['name==', { error: 'Expected semicolon (after name with no version specifier) or end', position: 4 }],
  ['name==1.0 ,', { name: 'name', extras: [], specifiers: ['==1.0'], url: null, marker: null }],
  ['name<1.0,>0.5', { name: 'name', extras: [], specifiers: ['<1.0', '>0.5'], url: null, marker: null }],
  ['name != 1.0', { name: 'name', extras: [], specifiers: ['!=1.0'], url: null, marker: null }],
  ['name~=1.0', { name: 'name', extras: [], specifiers: ['~=1.0'], url: null, marker: null }],
  ['name~=1', { error: 'Expected semicolon (after name with no version specifier) or end', position: 4 }],
  ['name>1.0.post1.dev2', { name: 'name', extras: [], specifiers: ['>1.0.post1.dev2'], url: null, marker: null }],
  ['name<=1!2', { name: 'name', extras: [], specifiers: ['<=1!2'], url: null, marker: null }],
  ['name<>1', { error: 'Expected semicolon (after name with no version specifier) or end', position: 4 }],
  ['name=1', { error: 'Expected semicolon (after name with no version specifier) or end', position: 4 }],
  ['name==1.0==2.0', { error: 'Expected comma (within version specifier), semicolon (after version specifier) or end', position: 4 }],
  ['name>=1.0<2', { error: 'Expected comma (within version specifier), semicolon (after version specifier) or end', position: 4 }],
  ['name ( >=1.0 )', { name: 'name', extras: [], specifiers: ['>=1.0'], url: null, marker: null }],
  ['name ()', { name: 'name', extras: [], specifiers: [], url: null, marker: null }],
  ['name[a](>=1)', { name: 'name', extras: ['a'], specifiers: ['>=1'], url: null, marker: null }],
  ["name ; python_version>'3' and", { error: 'Expected a marker variable or quoted string', position: 29 }],
  ["name ; extra == 'Foo_Bar'", { name: 'name', extras: [], specifiers: [], url: null, marker: 'extra == "foo-bar"' }],
  ['é', { error: 'Expected package name at the start of dependency specifier', position: 0 }],
  ['name[é]', { error: 'Expected matching RIGHT_BRACKET for LEFT_BRACKET, after extras', position: 4 }],
  ["name==1.0;os_name=='é'", { name: 'name', extras: [], specifiers: ['==1.0'], url: null, marker: 'os_name == "é"' }],
  ['name\t>=\t1.0', { name: 'name', extras: [], specifiers: ['>=1.0'], url: null, marker: null }],
  ["name>=1.0 ;os_name=='a'", { name: 'name', extras: [], specifiers: ['>=1.0'], url: null, marker: 'os_name == "a"' }],
  ['name @ https://x.org/a b', { error: 'Expected semicolon (after URL and whitespace) or end', position: 7 }],
  ["name==1.0 , ; os_name=='a'", { name: 'name', extras: [], specifiers: ['==1.0'], url: null, marker: 'os_name == "a"' }],
  ["name>=1.0, ;os_name=='a'", { name: 'name', extras: [], specifiers: ['>=1.0'], url: null, marker: 'os_name == "a"' }],
  ['name==1.0.*+local', { error: 'Local version label can only be used with `==` or `!=` operators', position: 4 }],
  ['name==1.0.*.*', { error: '.* suffix cannot be used with pre-release, post-release, dev or local versions', position: 4 }],
  ['name===1.0.*', { name: 'name', extras: [], specifiers: ['===1.0.*'], url: null, marker: null }],
  ['name!=1.0+local', { name: 'name', extras: [], specifiers: ['!=1.0+local'], url: null, marker: null }],
  ['name>=v1.0', { name: 'name', extras: [], specifiers: ['>=v1.0'], url: null, marker: null }],
  ['name>=1.0RC1', { name: 'name', extras: [], specifiers: ['>=1.0RC1'], url: null, marker: null }],
  ["name == 1.0 ; os_name == 'a' or os_name == 'b'", { name: 'name', extras: [], specifiers: ['==1.0'], url: null, marker: 'os_name == "a" or os_name == "b"' }],
  ['name ==1.0 ,<2 , >0', { name: 'name', extras: [], specifiers: ['==1.0', '<2', '>0'], url: null, marker: null }],
  ['name[a] [b]', { error: 'Expected semicolon (after name with no version specifier) or end', position: 8 }],
  // Rows added for mutation survivors, printed by packaging 26.4. A `===` clause token runs over the
  // commas after it, so the token loop fails where SpecifierSet(whole list) succeeds (the fast path).
  ['a>=2,===1.0, <3', { name: 'a', extras: [], specifiers: ['>=2', '===1.0', '<3'], url: null, marker: null }],
  ['a>=2,===1.0, <3,', { name: 'a', extras: [], specifiers: ['>=2', '===1.0', '<3'], url: null, marker: null }],
  ['a>=2,===1.0, <3 ,  ', { name: 'a', extras: [], specifiers: ['>=2', '===1.0', '<3'], url: null, marker: null }],
  ['a>=1,,', { error: 'Expected comma (within version specifier), semicolon (after version specifier) or end', position: 1 }],
  ['a>=1,foo', { error: 'Expected comma (within version specifier), semicolon (after version specifier) or end', position: 1 }],
  // Not ASCII, so no fast path: the loop reads `>=1`, the comma, then one `===` token.
  ['a>=1,===é', { name: 'a', extras: [], specifiers: ['>=1', '===é'], url: null, marker: null }],
  ['a>=1, ===é ; os_name == "a"', { name: 'a', extras: [], specifiers: ['>=1', '===é'], url: null, marker: 'os_name == "a"' }],
  ['a!=1.0a1.*', { error: '.* suffix cannot be used with pre-release, post-release, dev or local versions', position: 1 }],
  // \f is whitespace to the URL token (\S+) but not to WS ([ \t]+).
  ['a @ https://x/a\f', { error: 'Expected whitespace after URL', position: 15 }],
  ['a @ https://x/a\f; os_name == "a"', { error: 'Expected whitespace after URL', position: 15 }],
  ['a; os_name == "a" junk', { error: 'Expected end of dependency specifier', position: 18 }],
  ['a>=1; os_name == "a")', { error: 'Expected end of dependency specifier', position: 20 }],
];

describe('parsePep508 agrees with packaging.requirements.Requirement', () => {
  it('every row: fields, or the error and its position', async () => {
    const { parsePep508, Pep508SyntaxError } = await fresh();
    const mismatches = ROWS.flatMap(([text, expected]) => {
      let ours: unknown;
      try {
        const { name, extras, specifiers, url, marker } = parsePep508(text);
        ours = { name, extras, specifiers, url, marker };
      } catch (error) {
        if (!(error instanceof Pep508SyntaxError)) throw error;
        ours = { error: error.detail, position: error.position };
      }
      return JSON.stringify(ours) === JSON.stringify(expected) ? [] : [{ text, ours, packaging: expected }];
    });
    expect(mismatches).toEqual([]);
    expect(ROWS.length).toBeGreaterThanOrEqual(85);
  });
});

describe('the Requirement and the error a requirements file gets', () => {
  it('parseRequirementString: the parts, the origin and the text as written', async () => {
    const { parseRequirementString } = await fresh();
    expect(parseRequirementString(' Name[X] >=1.0 ; os_name=="posix"', { file: 'req.txt', line: 4 })).toEqual({
      file: 'req.txt',
      line: 4,
      text: ' Name[X] >=1.0 ; os_name=="posix"',
      name: 'name',
      extras: ['x'],
      specifiers: ['>=1.0'],
      url: null,
      marker: 'os_name == "posix"',
      editable: false,
      options: [],
    });
  });

  it('syntax errors name the file, the line, the text and the 1-based character', async () => {
    const { parseRequirementString, normalizeMarkerString } = await fresh();
    expect(() => parseRequirementString('name[a b]', { file: 'req.txt', line: 2 })).toThrow(
      'req.txt:2: Invalid requirement "name[a b]": Expected comma between extra names (at character 8)',
    );
    expect(() => normalizeMarkerString('os_name ==', { file: 'req.txt', line: 9 })).toThrow(
      'req.txt:9: Invalid marker "os_name ==": Expected a marker variable or quoted string (at character 11)',
    );
    expect(normalizeMarkerString("os_name=='a'", { file: 'req.txt', line: 9 })).toBe('os_name == "a"');
  });

  it('a `===` token takes the commas after it; each piece must then be a valid clause (SpecifierSet)', async () => {
    const { parsePep508 } = await fresh();
    // packaging 26.4: InvalidRequirement "Invalid specifier: 'foo'" (no position); the quoting and
    // the position 0 are ours.
    expect(() => parsePep508('a===1,foo')).toThrow('Invalid specifier: "foo"');
    expect(parsePep508('a===1,>=2').specifiers).toEqual(['===1', '>=2']);
  });

  it('an error that is not a syntax error passes through withLocation unchanged', async () => {
    const { withLocation } = await fresh();
    const boom = new TypeError('boom');
    expect(() =>
      withLocation('x', { file: 'f', line: 1 }, () => {
        throw boom;
      }),
    ).toThrow(boom);
    expect(withLocation('x', { file: 'f', line: 1 }, () => 42)).toBe(42);
  });
});
