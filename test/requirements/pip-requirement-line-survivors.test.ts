/**
 * More cases for the requirement part of a line (src/requirements/pip-requirement-line.ts), each a
 * survivor of the requirements mutation run (docs/mutation-explained-requirements.txt). Every expectation
 * is what pip 26.3 makes of the same line (pip._internal.req.req_file.parse_requirements, then
 * install_req_from_parsed_requirement, printed by running it in a directory holding a project
 * directory `pkg` and nothing else): name, link, extras, specifiers, marker, or a refusal. pip
 * turns a local path into a file: URL; ours keeps the path as written. Error texts are ours, with
 * the reason pip gives. Fresh modules: the scheme and extension tables are module-level.
 */
import { describe, expect, it, vi } from 'vitest';
import { messageOf } from '../support/errors.ts';

const ORIGIN = { file: 'requirements.txt', line: 3 };
const isDirectory = (path: string) => path === 'pkg' || path === './pkg';

async function line(text: string) {
  vi.resetModules();
  const { parsePipRequirement } = await import('../../src/requirements/pip-requirement-line.ts');
  const { name, url, extras, specifiers, marker } = parsePipRequirement(text, ORIGIN, isDirectory);
  return { name, url, extras, specifiers, marker };
}

async function lineError(text: string): Promise<string> {
  vi.resetModules();
  const { parsePipRequirement } = await import('../../src/requirements/pip-requirement-line.ts');
  return messageOf(() => parsePipRequirement(text, ORIGIN, isDirectory));
}

const link = (url: string, name: string | null = null, specifiers: string[] = [], extras: string[] = []) => ({ name, url, extras, specifiers, marker: null });

describe('URLs', () => {
  it("a tab inside the scheme is dropped as urlsplit does, so the text is a URL and `;` without a space is no marker's start", async () => {
    const url = 'ht\ttps://x.org/p/foo-1.0.tar.gz;python_version<"3.9"';
    expect(await line(url)).toEqual(link(url));
  });

  it('the wheel file name is the last piece of the path: after a scheme without //, before any number of trailing /', async () => {
    expect(await line('https:x//foo-1.0-py3-none-any.whl')).toEqual(link('https:x//foo-1.0-py3-none-any.whl', 'foo', ['==1.0']));
    expect(await line('https://x.org/foo-1.0-py3-none-any.whl//')).toEqual(link('https://x.org/foo-1.0-py3-none-any.whl//', 'foo', ['==1.0']));
  });

  it('a wheel name standing where the host is names nothing', async () => {
    expect(await line('https://foo-1.0-py3-none-any.whl')).toEqual(link('https://foo-1.0-py3-none-any.whl'));
    expect(await line('https://u:p@foo-1.0-py3-none-any.whl')).toEqual(link('https://u:p@foo-1.0-py3-none-any.whl'));
  });

  it('a wheel whose name or build tag has an empty dot-separated piece: only the three tags are checked for that', async () => {
    expect(await line('https://x.org/a..b-1.0-py3-none-any.whl')).toEqual(link('https://x.org/a..b-1.0-py3-none-any.whl', 'a-b', ['==1.0']));
    expect(await line('https://x.org/foo-1.0-1.-py3-none-any.whl')).toEqual(link('https://x.org/foo-1.0-1.-py3-none-any.whl', 'foo', ['==1.0']));
  });
});

describe('local paths', () => {
  it('a colon in a local wheel path is no scheme: the file name keeps it, and packaging refuses the name', async () => {
    expect(await lineError('./foo:bar-1.0-py3-none-any.whl')).toBe('requirements.txt:3: Invalid wheel filename (invalid project name): "foo:bar-1.0-py3-none-any.whl"');
  });

  it('an archive extension only after dots that lead the file name is no extension (posixpath.splitext), so the text must be PEP 508', async () => {
    expect(await lineError('..zip')).toBe('requirements.txt:3: Invalid requirement "..zip": Expected package name at the start of dependency specifier (at character 1)');
    expect(await lineError('.zip')).toBe('requirements.txt:3: Invalid requirement ".zip": Expected package name at the start of dependency specifier (at character 1)');
    expect(await lineError('x/.zip')).toBe('requirements.txt:3: Invalid requirement "x/.zip": Expected semicolon (after name with no version specifier) or end (at character 2)');
  });

  it('extras only at the very end of a path; they are lower-cased as Python does before they are checked', async () => {
    expect(await lineError('./pkg[a]x')).toBe('requirements.txt:3: Invalid requirement "./pkg[a]x": Expected package name at the start of dependency specifier (at character 1)');
    // KELVIN SIGN lower-cases to an ASCII k; DOTLESS I stays itself (and is no extra name).
    expect(await line('./pkg[\u212a]')).toEqual(link('./pkg', null, [], ['k']));
    expect(await lineError('./pkg[\u0131]')).toBe(
      'requirements.txt:3: Invalid requirement "./pkg[\u0131]": invalid extras [\u0131]: Expected matching RIGHT_BRACKET for LEFT_BRACKET, after extras',
    );
  });
});
