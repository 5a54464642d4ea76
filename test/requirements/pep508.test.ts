import { describe, expect, it } from 'vitest';
import { inputErrorOf } from '../support/errors.ts';
import { normalizeMarkerString, parseRequirementString } from '../../src/requirements/pep508.ts';

const ORIGIN = { file: 'requirements.txt', line: 7 };
const parse = (text: string) => parseRequirementString(text, ORIGIN);

const errorOf = (text: string) => inputErrorOf(parse, text);

describe('parseRequirementString', () => {
  it('reads name, extras, specifiers and marker, normalising like packaging', () => {
    expect(parse('Flask_SQLAlchemy[Async, b]>=3.0, <4 ; python_version>="3.8"')).toEqual({
      file: 'requirements.txt',
      line: 7,
      text: 'Flask_SQLAlchemy[Async, b]>=3.0, <4 ; python_version>="3.8"',
      name: 'flask-sqlalchemy',
      extras: ['async', 'b'],
      specifiers: ['>=3.0', '<4'],
      marker: 'python_version >= "3.8"',
      url: null,
      editable: false,
      options: [],
    });
  });

  it.each([
    ['foo~=1.4.2', ['~=1.4.2']],
    ['foo===1.0-weird', ['===1.0-weird']],
    ['foo==1.*', ['==1.*']],
    ['foo!=1.2.*', ['!=1.2.*']],
    ['foo == 1.0+local.7', ['==1.0+local.7']],
    ['foo >= 1.0 , != 1.5 , < 2', ['>=1.0', '!=1.5', '<2']],
    ['foo (>=1,<2)', ['>=1', '<2']],
    ['foo>=1.0,', ['>=1.0']],
    ['foo>=1!2.0rc1.post2.dev3', ['>=1!2.0rc1.post2.dev3']],
    ['foo==V1.0', ['==V1.0']],
  ])('keeps clauses in source order without spaces: %s', (text, specifiers) => {
    expect(parse(text).specifiers).toEqual(specifiers);
  });

  it('reads the URL form; a marker needs a space before the semicolon', () => {
    const withMarker = parse('pip @ https://github.com/pypa/pip/archive/22.0.2.zip ; python_version >= "3.8"');
    expect(withMarker).toMatchObject({ name: 'pip', url: 'https://github.com/pypa/pip/archive/22.0.2.zip', marker: 'python_version >= "3.8"' });
    // Without the space the semicolon is part of the URL, as in packaging.
    expect(parse('pip @ https://x.org/p.zip;python_version>"3"')).toMatchObject({ url: 'https://x.org/p.zip;python_version>"3"', marker: null });
  });

  it('prints markers like str(packaging.markers.Marker)', () => {
    const marker = (text: string) => parse(`foo; ${text}`).marker;
    expect(marker(`python_version>='3.8' and(sys_platform=="win32"or os.name=='nt')`)).toBe('python_version >= "3.8" and (sys_platform == "win32" or os_name == "nt")');
    expect(marker('((python_version >= "3.8"))')).toBe('python_version >= "3.8"');
    expect(marker('python_implementation == "CPython"')).toBe('platform_python_implementation == "CPython"');
    expect(marker(`extra == "Test_Extra"`)).toBe('extra == "test-extra"');
    expect(marker(`platform_version == 'has"quote'`)).toBe(`platform_version == 'has"quote'`);
    expect(marker(`"linux" not in sys_platform`)).toBe('"linux" not in sys_platform');
  });

  it.each([
    ['foo==', 'Expected semicolon (after name with no version specifier) or end'],
    ['foo>=1.0.x', 'Expected comma (within version specifier), semicolon (after version specifier) or end'],
    ['foo>=1.*', '.* suffix can only be used with `==` or `!=` operators'],
    ['foo==1.0+local.*', '.* suffix cannot be used with pre-release, post-release, dev or local versions'],
    ['foo<1.0+local', 'Local version label can only be used with `==` or `!=` operators'],
    ['foo~=1', 'Expected semicolon (after name with no version specifier) or end'],
    ['foo=1.0', 'Expected semicolon'],
    ['foo @', 'Expected URL after @'],
    ['foo @ https://x.org/a.whl extra', 'Expected semicolon (after URL and whitespace) or end'],
    ['foo[a b]', 'Expected comma between extra names'],
    ['foo[a,]', 'Expected extra name after comma'],
    ['foo (>=1', 'Expected matching RIGHT_PARENTHESIS for LEFT_PARENTHESIS, after version specifier'],
    ['foo; python_version', 'Expected marker operator'],
    ['foo; unknown == "x"', 'Expected a marker variable or quoted string'],
    ['foo; python_version == "3" and', 'Expected a marker variable or quoted string'],
    ['-e foo', 'Expected package name at the start of dependency specifier'],
    ['', 'Expected package name at the start of dependency specifier'],
  ])('rejects %j with packaging’s reason', (text, reason) => {
    const error = errorOf(text);
    expect(error.file).toBe('requirements.txt');
    expect(error.line).toBe(7);
    expect(error.detail).toContain(reason);
    expect(error.detail).toContain(JSON.stringify(text));
  });

  it('accepts names packaging accepts even though PEP 503 would not publish them', () => {
    expect(parse('foo_').name).toBe('foo-');
  });
});

describe('normalizeMarkerString', () => {
  it('normalises quotes and spacing, and reports bad markers with the location', () => {
    expect(normalizeMarkerString("os_name=='posix'", ORIGIN)).toBe('os_name == "posix"');
    expect(() => normalizeMarkerString('os_name', ORIGIN)).toThrow(/requirements.txt:7: Invalid marker "os_name"/);
  });
});
