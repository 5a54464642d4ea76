import { describe, expect, it } from 'vitest';
import { inputErrorOf } from '../support/errors.ts';
import { parseRequirementsText, scanRequirementsText } from '../../src/requirements/requirements-file.ts';
import { preprocessRequirementsText, splitLines } from '../../src/requirements/requirements-lines.ts';
import { splitShellWords } from '../../src/requirements/pip-options.ts';

const parse = (text: string, env: Record<string, string | undefined> = {}) => parseRequirementsText(text, 'requirements.txt', { env });
const summary = (text: string) => parse(text).requirements.map(({ line, name, specifiers, marker }) => ({ line, name, specifiers, marker }));

const errorOf = (text: string) => inputErrorOf(parse, text);

describe('preprocessing (join, comments, variables) in pip’s order', () => {
  it('splits lines like Python str.splitlines, including CRLF and a BOM', () => {
    expect(splitLines('a\r\nb\rc\nd\x0ce\u2028f\n')).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(preprocessRequirementsText('\ufeffa==1\r\nb==2')).toEqual([
      { line: 1, text: 'a==1' },
      { line: 2, text: 'b==2' },
    ]);
  });

  it('joins continuations first, numbering by the first physical line', () => {
    expect(preprocessRequirementsText('foo>=1 \\\n  ,<2\nbar\\\n-baz==1\n')).toEqual([
      { line: 1, text: 'foo>=1   ,<2' },
      { line: 3, text: 'bar-baz==1' },
    ]);
  });

  it('does not continue a comment line, but a comment after a requirement swallows the next line', () => {
    expect(preprocessRequirementsText('# comment \\\nkept==1\nfoo==1 # note \\\nswallowed==1\n')).toEqual([
      { line: 2, text: 'kept==1' },
      { line: 3, text: 'foo==1' },
    ]);
    // A comment line ends a continuation and is dropped.
    expect(preprocessRequirementsText('foo==1 \\\n# comment\nbar==2')).toEqual([
      { line: 1, text: 'foo==1' },
      { line: 3, text: 'bar==2' },
    ]);
  });

  it('strips comments only at line start or after whitespace', () => {
    expect(preprocessRequirementsText('a==1 # c\nb==1\t# c\nc @ https://x/c.zip#sha256=1\n   # only\n')).toEqual([
      { line: 1, text: 'a==1' },
      { line: 2, text: 'b==1' },
      { line: 3, text: 'c @ https://x/c.zip#sha256=1' },
    ]);
  });

  it('expands ${VAR} with upper-case names only, leaving unset and empty variables literal', () => {
    const env = { VERSION: '2.0', EMPTY: '', lower: 'x' };
    expect(preprocessRequirementsText('a==${VERSION}\nb${EMPTY}==1\nc${MISSING}==1\nd${lower}==1\ne==$VERSION', env).map((l) => l.text)).toEqual([
      'a==2.0',
      'b${EMPTY}==1',
      'c${MISSING}==1',
      'd${lower}==1',
      'e==$VERSION',
    ]);
  });
});

describe('parseRequirementsText', () => {
  it('reads requirements with their markers and line numbers', () => {
    expect(summary('requests>=2.31\n\nuvloop; sys_platform != "win32"\n')).toEqual([
      { line: 1, name: 'requests', specifiers: ['>=2.31'], marker: null },
      { line: 3, name: 'uvloop', specifiers: [], marker: 'sys_platform != "win32"' },
    ]);
  });

  it('reports includes and option lines, resolving option abbreviations', () => {
    const parsed = parse('-r dev.txt\n--constraint=c.txt\n-i https://a/simple\n--extra-index https://b/simple\n--pre --prefer-binary\n--only-binary :all:\n');
    expect(parsed.includes).toEqual([
      { kind: 'requirement', path: 'dev.txt', line: 1 },
      { kind: 'constraint', path: 'c.txt', line: 2 },
    ]);
    expect(parsed.options).toEqual([
      { name: '--index-url', value: 'https://a/simple', line: 3 },
      { name: '--extra-index-url', value: 'https://b/simple', line: 4 },
      { name: '--pre', value: null, line: 5 },
      { name: '--prefer-binary', value: null, line: 5 },
      { name: '--only-binary', value: ':all:', line: 6 },
    ]);
  });

  it('keeps --hash and --config-settings on their requirement', () => {
    const [requirement] = parse('foo==1.0 \\\n  --hash=sha256:aa \\\n  --hash sha512:bb -C k=v\n').requirements;
    // pip keeps the spaces before the first option in the requirement text.
    expect(requirement).toMatchObject({ line: 1, text: 'foo==1.0  ', options: ['--hash=sha256:aa', '--hash=sha512:bb', '--config-settings=k=v'] });
  });

  it('reads paths, URLs, wheel files and editables as pip does', () => {
    const parsed = parse(
      [
        './pkg[dev]',
        'https://example.com/requests-2.31.0-py3-none-any.whl',
        'git+https://github.com/pallets/flask.git@3.0.0#egg=flask',
        'Named_Wheel-1.0.RC1-py3-none-any.whl',
        '-e ./local',
        '-e git+https://github.com/x/y.git#egg=y',
        'name @ https://example.com/x.zip ; python_version >= "3.8"',
      ].join('\n'),
    );
    expect(parsed.requirements.map(({ name, url, extras, specifiers, editable, marker }) => ({ name, url, extras, specifiers, editable, marker }))).toEqual([
      { name: null, url: './pkg', extras: ['dev'], specifiers: [], editable: false, marker: null },
      { name: 'requests', url: 'https://example.com/requests-2.31.0-py3-none-any.whl', extras: [], specifiers: ['==2.31.0'], editable: false, marker: null },
      { name: 'flask', url: 'git+https://github.com/pallets/flask.git@3.0.0#egg=flask', extras: [], specifiers: [], editable: false, marker: null },
      { name: 'named-wheel', url: 'Named_Wheel-1.0.RC1-py3-none-any.whl', extras: [], specifiers: ['==1.0rc1'], editable: false, marker: null },
      { name: null, url: './local', extras: [], specifiers: [], editable: true, marker: null },
      { name: 'y', url: 'git+https://github.com/x/y.git#egg=y', extras: [], specifiers: [], editable: true, marker: null },
      { name: 'name', url: 'https://example.com/x.zip', extras: [], specifiers: [], editable: false, marker: 'python_version >= "3.8"' },
    ]);
  });

  it('asks isDirectory, when given, whether a path is a local project (as pip asks the file system)', () => {
    const scan = (text: string, dirs: string[]) => scanRequirementsText(text, 'r.txt', { isDirectory: (path) => dirs.includes(path) })[0]!;
    expect(scan('./missing', [])).toMatchObject({ kind: 'error' });
    expect(scan('./pkg', ['./pkg'])).toMatchObject({ kind: 'requirement', requirement: { url: './pkg' } });
    expect(scan('-e pkg', ['pkg'])).toMatchObject({ kind: 'requirement', requirement: { url: 'pkg', editable: true } });
    expect(scan('-e flask', [])).toMatchObject({ kind: 'error' });
  });

  it.each([
    ['--unknown', 'no such option: --unknown'],
    ['--global-option=x', 'no such option: --global-option (pip 26 no longer accepts it'],
    ['--no', 'ambiguous option: --no (--no-binary, --no-index, --no-require-hashes?)'],
    ['--pre=yes', '--pre option does not take a value'],
    ['-r', '-r option requires 1 argument'],
    ['foo==1 --hash=md5:00', 'Allowed hash algorithms for --hash are sha256, sha384, sha512.'],
    ['foo==1 --hash=nocolon', 'must be a hash name followed by a value'],
    ['--use-feature=nope', "invalid choice: 'nope'"],
    ["foo==1 --hash='open", 'Could not split options'],
    ['-e https://example.com/p.tar.gz', 'is not a valid editable requirement'],
    ['-e git+https://github.com/x/y.git', 'Could not detect requirement name'],
    ['foo==', 'Expected semicolon'],
    ['bad__name-1.0-py3-none-any.whl', 'Invalid wheel filename'],
    ['https://x.org/p.tar.gz#egg=not valid', 'egg fragment'],
  ])('rejects %j like pip: %s', (line, reason) => {
    const error = errorOf(`ok==1\n${line}\n`);
    expect(error.line).toBe(2);
    expect(error.detail).toContain(reason);
  });

  it('refuses editables in a constraints file', () => {
    expect(() => parseRequirementsText('-e ./pkg\n', 'c.txt', { constraint: true })).toThrow(/Editable requirements are not allowed as constraints/);
  });

  it('scanRequirementsText keeps going after an error', () => {
    expect(scanRequirementsText('a==1\nfoo==\nb==2\n', 'r.txt').map((s) => s.kind)).toEqual(['requirement', 'error', 'requirement']);
  });
});

describe('splitShellWords (shlex.split)', () => {
  it.each([
    [`-e "./my pkg"`, ['-e', './my pkg']],
    [`--hash='a b' x\\ y`, ['--hash=a b', 'x y']],
    [`"a\\"b" 'c\\d' ""`, ['a"b', 'c\\d', '']],
    [`"x\\y"`, ['x\\y']],
  ])('%s', (text, words) => {
    expect(splitShellWords(text)).toEqual(words);
  });
});
