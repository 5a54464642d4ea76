/**
 * More cases for the ports, each a survivor of the complete mutation run of 2026-12-02 (see
 * docs/mutation-explained-requirements.txt); every expectation is pip 26's or packaging 26's answer
 * for the same input (printed by running them), except where a message is ours (said so).
 * Fresh modules: the tables involved are module-level.
 */
import { describe, expect, it, vi } from 'vitest';

describe('pip cases', () => {
  it('an editable whose scheme is a bare VCS name gets its vcs+ prefix only where pip knows the scheme', async () => {
    const { parsePipEditable } = (vi.resetModules(), await import('../../src/requirements/pip-requirement-line.ts'));
    const origin = { file: 'r.txt', line: 1 };
    const no = () => false;
    expect(parsePipEditable('svn://x/r#egg=r', origin, no)).toMatchObject({ name: 'r', url: 'svn+svn://x/r#egg=r' });
    // hg+hg and bzr+bzr are no schemes of pip: refused, with the vcs+ prefix added first.
    expect(() => parsePipEditable('hg://x/r#egg=r', origin, no)).toThrow('r.txt:1: hg://x/r#egg=r is not a valid editable requirement.');
    expect(() => parsePipEditable('bzr://x/r#egg=r', origin, no)).toThrow('r.txt:1: bzr://x/r#egg=r is not a valid editable requirement.');
  });

  it("continuations: line.strip('\\\\') takes backslashes from both ends only; a file may end inside one", async () => {
    const { preprocessRequirementsText } = (vi.resetModules(), await import('../../src/requirements/requirements-lines.ts'));
    expect(preprocessRequirementsText('a\\b\\\nc\n')).toEqual([{ line: 1, text: 'a\\bc' }]);
    expect(preprocessRequirementsText('a\\\nb\\')).toEqual([{ line: 1, text: 'ab' }]);
    expect(preprocessRequirementsText('\\\\a\\\\b\\\\\nc')).toEqual([{ line: 1, text: 'a\\\\bc' }]);
  });

  it('the requirement part of a line is not shell-split (break_args_options), the option part is', async () => {
    const { parseLineParts, splitShellWords } = (vi.resetModules(), await import('../../src/requirements/pip-options.ts'));
    expect(parseLineParts("pkg @ https://x/a'b.whl --pre")).toEqual({ args: "pkg @ https://x/a'b.whl", options: [{ name: '--pre', value: null }] });
    expect(splitShellWords("'a\\\\b'")).toEqual(['a\\\\b']);
    expect(splitShellWords('\\ ')).toEqual([' ']);
    expect(splitShellWords('"a\\\\b"')).toEqual(['a\\b']);
  });

  it('--only-binary=:none: clears only-binary and leaves --no-binary alone (FormatControl)', async () => {
    const { formatControlOf } = (vi.resetModules(), await import('../../src/requirements/format-control.ts'));
    const control = formatControlOf([
      { name: '--no-binary', value: 'a', file: 'r.txt', line: 1 },
      { name: '--only-binary', value: ':none:', file: 'r.txt', line: 2 },
    ]);
    expect([...control.noBinary.keys()]).toEqual(['a']);
    expect([...control.onlyBinary.keys()]).toEqual([]);
  });

  it('--only-binary on a requirement line counts like --no-binary does', async () => {
    const { scanRequirementsText } = (vi.resetModules(), await import('../../src/requirements/requirements-file.ts'));
    expect(scanRequirementsText('pkg --only-binary=pkg\n', 'r.txt')).toMatchObject([{ kind: 'requirement', formatOptions: [{ name: '--only-binary', value: 'pkg', line: 1 }] }]);
  });

  it("an include of the project's parent directory is outside the project (our message)", async () => {
    const { parseRequirementsFile } = (vi.resetModules(), await import('../../src/requirements/read-files.ts'));
    const readFile = async () => new TextEncoder().encode('-r ..\n');
    await expect(parseRequirementsFile('r.txt', { projectRoot: '/project', readFile, isDirectory: () => false })).rejects.toThrow(
      'r.txt:1: includes .., which is outside the project directory; copy it into the project',
    );
  });

  it('without an isDirectory, local paths are looked up on disk relative to the project root', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync, rmSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const root = mkdtempSync(join(tmpdir(), 'csp-read-'));
    try {
      mkdirSync(join(root, 'pkg'));
      writeFileSync(join(root, 'r.txt'), './pkg\n');
      writeFileSync(join(root, 'bad.txt'), './nope\n');
      const { parseRequirementsFile } = (vi.resetModules(), await import('../../src/requirements/read-files.ts'));
      const parsed = await parseRequirementsFile('r.txt', { projectRoot: root });
      expect(parsed.requirements.map(({ name, url }) => ({ name, url }))).toEqual([{ name: null, url: './pkg' }]);
      // pip: "Invalid requirement: './nope': Expected package name ..." (the path does not exist).
      await expect(parseRequirementsFile('bad.txt', { projectRoot: root })).rejects.toThrow(
        'bad.txt:1: Invalid requirement "./nope": Expected package name at the start of dependency specifier',
      );
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('packaging cases', () => {
  it('markers: packaging prints these as they are, and refuses `not` without `in`', async () => {
    const { parseMarkerText, formatMarker } = (vi.resetModules(), await import('../../src/requirements/marker-parser.ts'));
    expect(formatMarker(parseMarkerText('extra == extra'))).toBe('extra == extra');
    expect(formatMarker(parseMarkerText("'A_b' == 'extra'"))).toBe('"A_b" == "extra"');
    expect(formatMarker(parseMarkerText("'A_b' == extra"))).toBe('"a-b" == extra');
    expect(formatMarker(parseMarkerText("os_name == 'extra'"))).toBe('os_name == "extra"');
    expect(() => parseMarkerText("'w' not x")).toThrow("Expected 'in' after 'not'");
  });

  it("lock markers on the installer's sets with any whitespace (packaging's lock_file context, nothing asked for)", async () => {
    const { selectLocked } = (vi.resetModules(), await import('../../src/requirements/lock-select.ts'));
    const pkg = (name: string, marker: string) => ({
      name,
      version: '1',
      line: 1,
      source: 'registry' as const,
      files: null,
      hashed: false,
      marker,
      root: true,
      dependencies: [],
      optional: {},
    });
    const packages = [pkg('a', "'dev' not  in dependency_groups"), pkg('b', '"cli" in  extras'), pkg('c', "'dev' not\tin dependency_groups")];
    expect(selectLocked({ kind: 'pylock', file: 'pylock.toml', packages }, { python: '3.12', arch: 'x86_64' }).map((p) => p.name)).toEqual(['a', 'c']);
  });
});
