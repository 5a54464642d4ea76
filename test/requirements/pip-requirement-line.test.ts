/**
 * The requirement part of a requirements-file line (src/requirements/pip-requirement-line.ts), case
 * by case. Each expectation is what pip 26.0 itself makes of the same text
 * (pip._internal.req.constructors.install_req_from_line / install_req_from_editable, run in a
 * directory holding a project directory `pkg` and nothing else): canonical name, link, extras,
 * specifiers and marker. pip turns a local path into a file: URL; ours keeps the path as written
 * (the differential test resolves it). Error texts are ours, with the reason packaging gives.
 * Each test imports a fresh module: the scheme and extension tables are module-level.
 */
import { describe, expect, it, vi } from 'vitest';

const ORIGIN = { file: 'requirements.txt', line: 3 };
// pip asks the file system; here only `pkg` is a directory.
const isDirectory = (path: string) => path === 'pkg' || path === './pkg';

async function fresh() {
  vi.resetModules();
  return import('../../src/requirements/pip-requirement-line.ts');
}

async function line(text: string) {
  const { name, url, extras, specifiers, marker } = (await fresh()).parsePipRequirement(text, ORIGIN, isDirectory);
  return { name, url, extras, specifiers, marker };
}

async function editable(text: string, withDirectories: boolean = true) {
  const { name, url, extras, specifiers, marker } = (await fresh()).parsePipEditable(text, ORIGIN, withDirectories ? isDirectory : undefined);
  return { name, url, extras, specifiers, marker };
}

async function lineError(text: string, directories: typeof isDirectory | undefined = isDirectory): Promise<string> {
  try {
    (await fresh()).parsePipRequirement(text, ORIGIN, directories);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`pip refuses ${text}, ours accepted it`);
}

async function editableError(text: string): Promise<string> {
  try {
    (await fresh()).parsePipEditable(text, ORIGIN, isDirectory);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`pip refuses -e ${text}, ours accepted it`);
}

const link = (url: string, name: string | null = null, specifiers: string[] = [], marker: string | null = null, extras: string[] = []) => ({
  name,
  url,
  extras,
  specifiers,
  marker,
});

describe('wheel URLs name themselves: name==version from the file name', () => {
  it('a wheel URL, its marker after "; "', async () => {
    expect(await line('https://x.org/p/Foo_Bar-1.0-py3-none-any.whl; python_version < "3.9"')).toEqual(
      link('https://x.org/p/Foo_Bar-1.0-py3-none-any.whl', 'foo-bar', ['==1.0'], 'python_version < "3.9"'),
    );
    expect(await line('https://x.org/Foo.Bar-1.0-py3-none-any.whl')).toEqual(link('https://x.org/Foo.Bar-1.0-py3-none-any.whl', 'foo-bar', ['==1.0']));
    expect(await line('https://x.org/f2-1.0-py3-none-any.whl')).toEqual(link('https://x.org/f2-1.0-py3-none-any.whl', 'f2', ['==1.0']));
  });

  it('the file name is the last piece of the URL path: netloc, query, fragment and a trailing / are not', async () => {
    const cases: [string, string | null, string[]][] = [
      ['https://user@x.org:80/wheels/foo-2.0-1-py3-none-any.whl?x=1#sha256=ab', 'foo', ['==2.0']],
      ['https://x.org/foo-1.0-py3-none-any.whl/', 'foo', ['==1.0']],
      ['https://x.org/a%20b/foo-1.0-py3-none-any.whl', 'foo', ['==1.0']],
      ['https://x.org/f%zz/foo-1.0-py3-none-any.whl', 'foo', ['==1.0']],
      ['https://x.org//foo-1.0-py3-none-any.whl', 'foo', ['==1.0']],
      ['https:foo-1.0-py3-none-any.whl', 'foo', ['==1.0']],
      ['https://x.org/foo-1.0-py3-none-any.whl#x/y', 'foo', ['==1.0']],
      ['https://x.org/foo-1.0-py3-none-any.whl?x#y', 'foo', ['==1.0']],
      ['https://x.org/foo-1.0-py3-none-any.tar.gz.whl', 'foo', ['==1.0']],
      ['file:///tmp/foo-1.0-py3-none-any.whl', 'foo', ['==1.0']],
      // Not a wheel: the name is in the query, or the extension is upper case.
      ['https://x.org/x?y=foo-1.0-py3-none-any.whl', null, []],
      ['https://x.org/foo-1.0-py3-none-any.WHL', null, []],
    ];
    for (const [url, name, specifiers] of cases) expect(await line(url), url).toEqual(link(url, name, specifiers));
  });

  it('versions are normalized, with a build number allowed', async () => {
    expect((await line('https://x.org/foo-v1.0-py3-none-any.whl')).specifiers).toEqual(['==1.0']);
    expect((await line('https://x.org/foo1-01.0-py3-none-any.whl')).specifiers).toEqual(['==1.0']);
    expect((await line('https://x.org/foo-1.0-1-py3-none-any.whl')).specifiers).toEqual(['==1.0']);
  });

  it('file names packaging refuses, with its reason', async () => {
    const why = (reason: string, file: string) => `requirements.txt:3: Invalid wheel filename (${reason}): ${JSON.stringify(file)}`;
    expect(await lineError('https://x.org/foo-1.0-py3-none.whl')).toBe(why('wrong number of parts', 'foo-1.0-py3-none.whl'));
    expect(await lineError('https://x.org/foo-1.0-x-y-py3-none-any.whl')).toBe(why('wrong number of parts', 'foo-1.0-x-y-py3-none-any.whl'));
    expect(await lineError('https://x.org/foo.whl')).toBe(why('wrong number of parts', 'foo.whl'));
    expect(await lineError('foo-1.0.whl')).toBe(why('wrong number of parts', 'foo-1.0.whl'));
    expect(await lineError('https://x.org/fo__o-1.0-py3-none-any.whl')).toBe(why('invalid project name', 'fo__o-1.0-py3-none-any.whl'));
    expect(await lineError('https://x.org/f+o-1.0-py3-none-any.whl')).toBe(why('invalid project name', 'f+o-1.0-py3-none-any.whl'));
    expect(await lineError('https://x.org/fo-o-1.0-py3-none-any.whl')).toBe(why('invalid version', 'fo-o-1.0-py3-none-any.whl'));
    expect(await lineError('https://x.org/foo-1.x-py3-none-any.whl')).toBe(why('invalid version', 'foo-1.x-py3-none-any.whl'));
    expect(await lineError('https://x.org/foo-1.0-a1-py3-none-any.whl')).toBe(why('invalid build number', 'foo-1.0-a1-py3-none-any.whl'));
    expect(await lineError('https://x.org/foo-1.0-py3-none-any..x.whl')).toBe(why('invalid tag component', 'foo-1.0-py3-none-any..x.whl'));
    expect(await lineError('https://x.org/foo-1.0-py3.-none-any.whl')).toBe(why('invalid tag component', 'foo-1.0-py3.-none-any.whl'));
    expect(await lineError('https://x.org/foo-1.0-py3-.none-any.whl')).toBe(why('invalid tag component', 'foo-1.0-py3-.none-any.whl'));
  });

  it('a wheel whose name is Unicode: packaging takes it, pip refuses name==version (a bug fixed here)', async () => {
    expect(await lineError('https://x.org/f%C3%B6o-1.0-py3-none-any.whl')).toBe(
      'requirements.txt:3: Invalid requirement: "föo==1.0": Expected package name at the start of dependency specifier',
    );
  });
});

describe('other URLs: a name only from #egg=', () => {
  it('the egg fragment, the last one winning over the query; a marker needs "; " after a URL', async () => {
    expect(await line('https://x.org/p/foo-1.0.tar.gz#egg=Foo.Bar')).toEqual(link('https://x.org/p/foo-1.0.tar.gz#egg=Foo.Bar', 'foo-bar'));
    expect(await line('https://x.org/p/foo-1.0.tar.gz?egg=bar#egg=baz')).toEqual(link('https://x.org/p/foo-1.0.tar.gz?egg=bar#egg=baz', 'baz'));
    expect(await line('https://x.org/p/foo-1.0.tar.gz;python_version<"3.9"')).toEqual(link('https://x.org/p/foo-1.0.tar.gz;python_version<"3.9"'));
    expect(await line('https://x.org/foo.tar.gz ; python_version>"3"')).toEqual(link('https://x.org/foo.tar.gz', null, [], 'python_version > "3"'));
    expect(await line('ftp://x/foo-1.0.tar.gz')).toEqual(link('ftp://x/foo-1.0.tar.gz'));
  });

  it('VCS URLs, scheme in any case', async () => {
    expect(await line('GIT+https://x.org/r.git#egg=r')).toEqual(link('GIT+https://x.org/r.git#egg=r', 'r'));
    expect(await line('git+https://x.org/r.git#egg=r&subdirectory=s')).toEqual(link('git+https://x.org/r.git#egg=r&subdirectory=s', 'r'));
    expect(await lineError('git+https://x.org/r.git#egg=r!')).toBe('requirements.txt:3: The egg fragment r! of git+https://x.org/r.git#egg=r! is not a valid project name');
  });
});

describe('PEP 508 strings and local files', () => {
  it('a PEP 508 requirement, with or without a space before its marker', async () => {
    const marker = 'python_version > "3"';
    expect(await line('pkg;python_version>"3"')).toEqual({ name: 'pkg', url: null, extras: [], specifiers: [], marker });
    expect(await line('pkg; python_version>"3"')).toEqual({ name: 'pkg', url: null, extras: [], specifiers: [], marker });
    expect(await line('  pkg  ')).toEqual({ name: 'pkg', url: null, extras: [], specifiers: [], marker: null });
    expect(await line('pkg [a]')).toEqual({ name: 'pkg', url: null, extras: ['a'], specifiers: [], marker: null });
    expect(await line('pkg[Sec,DEV]')).toEqual({ name: 'pkg', url: null, extras: ['dev', 'sec'], specifiers: [], marker: null });
    expect(await line('pkg[A]; python_version>"3"')).toEqual({ name: 'pkg', url: null, extras: ['a'], specifiers: [], marker });
    expect(await line('foo.gz')).toEqual({ name: 'foo-gz', url: null, extras: [], specifiers: [], marker: null });
    expect(await line('foo.tar.gzz')).toEqual({ name: 'foo-tar-gzz', url: null, extras: [], specifiers: [], marker: null });
    expect(await line('foo @ https://x.org/foo-1.0.tar.gz')).toEqual({ name: 'foo', url: 'https://x.org/foo-1.0.tar.gz', extras: [], specifiers: [], marker: null });
  });

  it('an archive name with `name@` before it is PEP 508; one behind a path is not', async () => {
    expect(await line('foo@x.tar.gz')).toEqual({ name: 'foo', url: 'x.tar.gz', extras: [], specifiers: [], marker: null });
    expect(await line('foo @ ./x.tar.gz')).toEqual({ name: 'foo', url: './x.tar.gz', extras: [], specifiers: [], marker: null });
    expect(await lineError('./x.tar.gz@foo')).toBe(
      'requirements.txt:3: Invalid requirement "./x.tar.gz@foo": Expected package name at the start of dependency specifier (at character 1)',
    );
  });

  it("every archive extension of pip's filetypes, in any case, is a file even without a path", async () => {
    for (const file of [
      'foo.TGZ',
      'Foo.Tar.Gz',
      'foo.zip',
      'foo.txz',
      'foo.tlz',
      'foo.tar.bz2',
      'foo.tbz',
      'foo.tar.xz',
      'foo.tar.lzma',
      'foo.tar.lz',
      'foo.tar',
      'foo-1.0.tar.gz',
    ]) {
      expect(await line(file), file).toEqual(link(file));
    }
    expect(await line('foo-1.0-py3-none-any.whl')).toEqual(link('foo-1.0-py3-none-any.whl', 'foo', ['==1.0']));
    expect(await line('./foo-1.0-py3-none-any.whl')).toEqual(link('./foo-1.0-py3-none-any.whl', 'foo', ['==1.0']));
    expect(await line('./dist/foo-1.0.TAR.GZ')).toEqual(link('./dist/foo-1.0.TAR.GZ'));
    expect(await line('dist/foo-1.0.zip')).toEqual(link('dist/foo-1.0.zip'));
  });

  it("posixpath.splitext: dots that only lead the name are no extension, but pip's `.tar` rule still sees `..tar` (a bug fixed here)", async () => {
    expect(await line('..tar')).toEqual(link('..tar'));
    expect(await line('a/.tar.gz')).toEqual(link('a/.tar.gz'));
    expect(await line('x/.tar')).toEqual(link('x/.tar'));
    expect(await lineError('.hidden')).toBe('requirements.txt:3: Invalid requirement ".hidden": Expected package name at the start of dependency specifier (at character 1)');
  });

  it('a directory, with extras after it (lower case, spaces allowed) and a marker', async () => {
    expect(await line('./pkg[Sec, dev]')).toEqual(link('./pkg', null, [], null, ['dev', 'sec']));
    expect(await line('./pkg [sec]')).toEqual(link('./pkg', null, [], null, ['sec']));
    expect(await line('./pkg ; python_version > "3"')).toEqual(link('./pkg', null, [], 'python_version > "3"'));
    expect(await line('./pkg;python_version>"3"')).toEqual(link('./pkg', null, [], 'python_version > "3"'));
    expect(await lineError('./pkg[s!c]')).toBe(
      'requirements.txt:3: Invalid requirement "./pkg[s!c]": invalid extras [s!c]: Expected matching RIGHT_BRACKET for LEFT_BRACKET, after extras',
    );
  });

  it('without a file system to ask, a path-looking text that is no PEP 508 string is taken for a directory', async () => {
    const { parsePipRequirement } = await fresh();
    expect(parsePipRequirement('.hidden', ORIGIN)).toMatchObject({ name: null, url: '.hidden' });
    expect(parsePipRequirement('./nope[x]', ORIGIN)).toMatchObject({ name: null, url: './nope', extras: ['x'] });
  });
});

describe('editables (-e)', () => {
  it('a local directory, with extras', async () => {
    expect(await editable('./pkg')).toEqual(link('./pkg'));
    expect(await editable('pkg')).toEqual(link('pkg'));
    expect(await editable('./pkg[a,B]')).toEqual(link('./pkg', null, [], null, ['a', 'b']));
    expect(await editable('./pkg [a]')).toEqual(link('./pkg', null, [], null, ['a']));
  });

  it('VCS URLs; a bare VCS name as scheme gets its `vcs+` prefix', async () => {
    expect(await editable('git+https://x.org/r.git#egg=r')).toEqual(link('git+https://x.org/r.git#egg=r', 'r'));
    expect(await editable('git://x.org/r.git#egg=r')).toEqual(link('git+git://x.org/r.git#egg=r', 'r'));
    expect(await editable('hg+https://x.org/r#egg=r')).toEqual(link('hg+https://x.org/r#egg=r', 'r'));
    expect(await editable('svn+svn://x/r#egg=r')).toEqual(link('svn+svn://x/r#egg=r', 'r'));
    expect(await editable('bzr+lp:r#egg=r')).toEqual(link('bzr+lp:r#egg=r', 'r'));
    expect(await editable('git+https://x.org/r.git#egg=R_x')).toEqual(link('git+https://x.org/r.git#egg=R_x', 'r-x'));
    expect(await editable('r @ git+https://x.org/r.git')).toEqual(link('git+https://x.org/r.git', 'r'));
  });

  it('file: URLs, named by #egg= or not at all', async () => {
    expect(await editable('file:///tmp/x#egg=y')).toEqual(link('file:///tmp/x#egg=y', 'y'));
    expect(await editable('file:///tmp/x')).toEqual(link('file:///tmp/x'));
  });

  it("what pip refuses, in pip's words", async () => {
    const notEditable = (text: string) =>
      `requirements.txt:3: ${text} is not a valid editable requirement. It should either be a path to a local project or a VCS URL (beginning with bzr+http, bzr+https, bzr+ssh, bzr+sftp, bzr+ftp, bzr+lp, bzr+file, git+http, git+https, git+ssh, git+git, git+file, hg+file, hg+http, hg+https, hg+ssh, hg+static-http, svn+ssh, svn+http, svn+https, svn+svn, svn+file).`;
    expect(await editableError('https://x.org/r#egg=r')).toBe(notEditable('https://x.org/r#egg=r'));
    expect(await editableError('r')).toBe(notEditable('r'));
    expect(await editableError('./nope')).toBe(notEditable('./nope'));
    expect(await editableError('git+https://x.org/r.git')).toBe(
      "requirements.txt:3: Could not detect requirement name for 'git+https://x.org/r.git', please specify one with your_package_name @ URL",
    );
    expect(await editableError('git+https://x.org/r.git#egg=r!')).toBe('requirements.txt:3: The egg fragment r! of git+https://x.org/r.git#egg=r! is not a valid project name');
  });

  it('without a file system to ask, anything that is not a URL is a directory', async () => {
    expect(await editable('r', false)).toEqual(link('r'));
    expect(await editable('git+https://x.org/r.git#egg=r', false)).toEqual(link('git+https://x.org/r.git#egg=r', 'r'));
  });
});
