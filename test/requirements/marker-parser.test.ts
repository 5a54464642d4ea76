/**
 * Marker parsing and printing (src/requirements/marker-parser.ts): each text below is given to
 * packaging 26's Marker(); the expectation is str(Marker(text)) or the first line of the
 * InvalidMarker it raises, as packaging printed them (the JSON rows were made by running it).
 * Each test imports a fresh module, so the tokenizer's rules are compiled inside the test.
 */
import { describe, expect, it, vi } from 'vitest';

async function fresh() {
  vi.resetModules();
  const parser = await import('../../src/requirements/marker-parser.ts');
  const tokenizer = await import('../../src/requirements/pep508-tokenizer.ts');
  return { ...parser, Pep508SyntaxError: tokenizer.Pep508SyntaxError };
}

// [text, str(Marker(text)) | { error: first line of packaging's InvalidMarker }]
const ROWS: [string, string | { error: string }][] = [
  ["python_version>'3.8'", 'python_version > "3.8"'],
  ['python_version  >=  "3.8"', 'python_version >= "3.8"'],
  ["os.name == 'posix'", 'os_name == "posix"'],
  ["sys.platform == 'linux'", 'sys_platform == "linux"'],
  ["platform.machine == 'x86_64'", 'platform_machine == "x86_64"'],
  ["platform.version == ''", 'platform_version == ""'],
  ["platform.python_implementation == 'CPython'", 'platform_python_implementation == "CPython"'],
  ["python_implementation == 'CPython'", 'platform_python_implementation == "CPython"'],
  ["os_name=='posix'and python_version>'3'", 'os_name == "posix" and python_version > "3"'],
  ["python_version > '3' or os_name == 'nt' and sys_platform == 'win32'", 'python_version > "3" or os_name == "nt" and sys_platform == "win32"'],
  ["(python_version > '3')", 'python_version > "3"'],
  ["((python_version > '3'))", 'python_version > "3"'],
  ["(python_version > '3' or os_name == 'nt') and sys_platform == 'linux'", '(python_version > "3" or os_name == "nt") and sys_platform == "linux"'],
  ["sys_platform == 'linux' and (python_version > '3' or os_name == 'nt')", 'sys_platform == "linux" and (python_version > "3" or os_name == "nt")'],
  ["((os_name == 'a' or os_name == 'b') and (os_name == 'c'))", '(os_name == "a" or os_name == "b") and os_name == "c"'],
  ["'linux' in sys_platform", '"linux" in sys_platform'],
  ["'w' not in sys_platform", '"w" not in sys_platform'],
  ["'w' not  in sys_platform", '"w" not in sys_platform'],
  [
    "'w' notin sys_platform",
    {
      error: 'Expected marker operator, one of <=, <, !=, ==, >=, >, ~=, ===, in, not in',
    },
  ],
  [
    "'w' not",
    {
      error: "Expected whitespace after 'not'",
    },
  ],
  ["extra == 'Foo_Bar.baz'", 'extra == "foo-bar-baz"'],
  ["'Foo_Bar' == extra", '"foo-bar" == extra'],
  ["'Foo_Bar' in extras", '"foo-bar" in extras'],
  ["'Dev.Group' not in dependency_groups", '"dev-group" not in dependency_groups'],
  ["'Foo_Bar' == platform_machine", '"Foo_Bar" == platform_machine'],
  ["platform_machine == 'Foo_Bar'", 'platform_machine == "Foo_Bar"'],
  ['extra == "it\'s"', 'extra == "it\'s"'],
  ['extra == \'say "hi"\'', 'extra == \'say "hi"\''],
  ["os_name == 'a\\tb'", 'os_name == "a\tb"'],
  ["os_name == 'a\\x41'", 'os_name == "aA"'],
  ["os_name == 'a\\u0041'", 'os_name == "aA"'],
  ["os_name == 'a\\101'", 'os_name == "aA"'],
  ["os_name == 'a\\d'", 'os_name == "a\\d"'],
  [
    "os_name == 'a\\'",
    {
      error: 'Invalid quoted string',
    },
  ],
  [
    "os_name == 'a\\N{DASH}'",
    {
      error: 'Invalid quoted string',
    },
  ],
  ["os_name == 'a\\\\'", 'os_name == "a\\"'],
  ["os_name == 'a\\n'", 'os_name == "a\n"'],
  [
    'os_name',
    {
      error: 'Expected marker operator, one of <=, <, !=, ==, >=, >, ~=, ===, in, not in',
    },
  ],
  [
    'os_name ==',
    {
      error: 'Expected a marker variable or quoted string',
    },
  ],
  [
    'os_name == ',
    {
      error: 'Expected a marker variable or quoted string',
    },
  ],
  [
    "== 'a'",
    {
      error: 'Expected a marker variable or quoted string',
    },
  ],
  [
    "os_name = 'a'",
    {
      error: 'Expected marker operator, one of <=, <, !=, ==, >=, >, ~=, ===, in, not in',
    },
  ],
  [
    "os_name == 'a' and",
    {
      error: 'Expected a marker variable or quoted string',
    },
  ],
  [
    "os_name == 'a' xor os_name == 'b'",
    {
      error: 'Expected end of marker expression',
    },
  ],
  [
    "(os_name == 'a'",
    {
      error: 'Expected matching RIGHT_PARENTHESIS for LEFT_PARENTHESIS, after marker expression',
    },
  ],
  [
    "(os_name == 'a' or",
    {
      error: 'Expected a marker variable or quoted string',
    },
  ],
  [
    "os_name == 'a')",
    {
      error: 'Expected end of marker expression',
    },
  ],
  [
    "unknown == 'a'",
    {
      error: 'Expected a marker variable or quoted string',
    },
  ],
  [
    "os_name == 'a' os_name",
    {
      error: 'Expected end of marker expression',
    },
  ],
  ["os_name == 'a'   ", 'os_name == "a"'],
  ["   os_name == 'a'", 'os_name == "a"'],
  ["os_name\t==\t'a'", 'os_name == "a"'],
  ['os_name == "a" and(os_name == \'b\')', 'os_name == "a" and os_name == "b"'],
  ["python_version~='3.1'", 'python_version ~= "3.1"'],
  ["python_version==='3.1'", 'python_version === "3.1"'],
  ["python_version!='3.1'", 'python_version != "3.1"'],
  ["python_version<'3.1'", 'python_version < "3.1"'],
  ["os_name<='a'", 'os_name <= "a"'],
  ["'a'==os_name", '"a" == os_name'],
  ["python_full_version >= '3.8.0'", 'python_full_version >= "3.8.0"'],
  ["implementation_version >= '3'", 'implementation_version >= "3"'],
  ["implementation_name == 'cpython'", 'implementation_name == "cpython"'],
  ["platform_release == ''", 'platform_release == ""'],
  ["platform_system == 'Linux'", 'platform_system == "Linux"'],
  [
    "os_nameX == 'a'",
    {
      error: 'Expected a marker variable or quoted string',
    },
  ],
  [
    "andos_name == 'a'",
    {
      error: 'Expected a marker variable or quoted string',
    },
  ],
  [
    "os_name == 'a' andos_name == 'b'",
    {
      error: 'Expected end of marker expression',
    },
  ],
  ["os_name == 'a'and os_name == 'b'", 'os_name == "a" and os_name == "b"'],
  ["os_name == 'a' and(os_name == 'b')", 'os_name == "a" and os_name == "b"'],
  ["os_name in'posix'", 'os_name in "posix"'],
  ["os_name in 'posix'", 'os_name in "posix"'],
  ["os_name not in'posix'", 'os_name not in "posix"'],
  ["'a' in os_name or'b' in os_name", '"a" in os_name or "b" in os_name'],
  ["os_name == 'é'", 'os_name == "é"'],
  ["os_name == 'a' and os_name == 'é'", 'os_name == "a" and os_name == "é"'],
];

describe('parseMarkerText + formatMarker agree with packaging', () => {
  it('every row', async () => {
    const { parseMarkerText, formatMarker, Pep508SyntaxError } = await fresh();
    const mismatches = ROWS.flatMap(([text, expected]) => {
      let ours: string | { error: string };
      try {
        ours = formatMarker(parseMarkerText(text));
      } catch (error) {
        if (!(error instanceof Pep508SyntaxError)) throw error;
        ours = { error: error.detail };
      }
      return JSON.stringify(ours) === JSON.stringify(expected) ? [] : [{ text, ours, packaging: expected }];
    });
    expect(mismatches).toEqual([]);
    expect(ROWS.length).toBeGreaterThanOrEqual(70);
  });

  it('nesting: 200 levels parse, 201 are refused at the outermost parenthesis', async () => {
    const { parseMarkerText, formatMarker } = await fresh();
    expect(formatMarker(parseMarkerText(`${'('.repeat(200)}os_name=="a"${')'.repeat(200)}`))).toBe('os_name == "a"');
    expect(() => parseMarkerText(`${'('.repeat(201)}os_name=="a"${')'.repeat(201)}`)).toThrow('Marker expression is nested more than 200 levels deep');
    try {
      parseMarkerText(`${'('.repeat(201)}os_name=="a"${')'.repeat(201)}`);
    } catch (error) {
      expect((error as { position: number }).position).toBe(200);
    }
  });

  it("error positions: the start of packaging's marked span (its `~~~^` line), or its caret", async () => {
    const { parseMarkerText } = await fresh();
    const position = (text: string) => {
      try {
        parseMarkerText(text);
      } catch (error) {
        return (error as { name: string; position: number }).name === 'Pep508SyntaxError' ? (error as { position: number }).position : -1;
      }
      return null;
    };
    // An unclosed parenthesis spans from the parenthesis, a bad quoted string from its quote.
    expect(position("(os_name == 'a'")).toBe(0);
    expect(position("os_name == 'a' and (os_name == 'b'")).toBe(19);
    expect(position("os_name == 'a\\'")).toBe(11);
    expect(position("os_name == 'a')")).toBe(14);
    expect(position('os_name ==')).toBe(10);
  });

  it('a value holding both quote characters cannot be printed', async () => {
    const { formatMarker, Pep508SyntaxError } = await fresh();
    const item = { lhs: { kind: 'variable' as const, value: 'os_name' }, op: '==', rhs: { kind: 'value' as const, value: `a"b'c` } };
    expect(() => formatMarker([item])).toThrow(Pep508SyntaxError);
    expect(() => formatMarker([item])).toThrow('Cannot serialize marker value containing both quote characters');
  });

  it('a one-element list is unwrapped only around a group, never around a bare and/or', async () => {
    const { formatMarker } = await fresh();
    // A hand-built tree (the parser never makes ['or']), given to packaging 26.4's _format_marker
    // as [(Variable('os_name'), Op('=='), Value('a')), 'and', ['or']]: it printed the line below.
    const item = { lhs: { kind: 'variable' as const, value: 'os_name' }, op: '==', rhs: { kind: 'value' as const, value: 'a' } };
    expect(formatMarker([item, 'and', ['or']])).toBe('os_name == "a" and (or)');
  });

  it('the tree: operands, operators, nesting and normalized extras', async () => {
    const { parseMarkerText } = await fresh();
    expect(parseMarkerText("extra == 'Foo_Bar' or ('Dev.Group' not in dependency_groups and os.name in 'posix')")).toEqual([
      { lhs: { kind: 'variable', value: 'extra' }, op: '==', rhs: { kind: 'value', value: 'foo-bar' } },
      'or',
      [
        { lhs: { kind: 'value', value: 'dev-group' }, op: 'not in', rhs: { kind: 'variable', value: 'dependency_groups' } },
        'and',
        { lhs: { kind: 'variable', value: 'os_name' }, op: 'in', rhs: { kind: 'value', value: 'posix' } },
      ],
    ]);
    expect(parseMarkerText("'Foo_Bar' == extra")).toEqual([{ lhs: { kind: 'value', value: 'foo-bar' }, op: '==', rhs: { kind: 'variable', value: 'extra' } }]);
    expect(parseMarkerText("'Foo_Bar' == os_name")).toEqual([{ lhs: { kind: 'value', value: 'Foo_Bar' }, op: '==', rhs: { kind: 'variable', value: 'os_name' } }]);
    expect(parseMarkerText("'extra' == 'Foo_Bar'")).toEqual([{ lhs: { kind: 'value', value: 'extra' }, op: '==', rhs: { kind: 'value', value: 'Foo_Bar' } }]);
  });
});
