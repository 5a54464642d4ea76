import { describe, expect, it } from 'vitest';
import { InputFileError } from '../../src/errors.ts';
import { decodeRequirementsBytes, parseRequirementsFile } from '../../src/requirements/read-files.ts';

const ROOT = '/project';

/** An in-memory project: paths relative to ROOT -> file text (or bytes). */
function project(files: Record<string, string | Uint8Array>) {
  return {
    projectRoot: ROOT,
    env: { VERSION: '1.5' },
    isDirectory: (path: string) => path === './pkg',
    readFile: async (absolutePath: string) => {
      const content = files[absolutePath.slice(ROOT.length + 1)];
      if (content === undefined) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      return typeof content === 'string' ? new TextEncoder().encode(content) : content;
    },
  };
}

describe('parseRequirementsFile', () => {
  it('follows -r includes in place and collects -c constraints separately', async () => {
    const parsed = await parseRequirementsFile(
      'requirements.txt',
      project({
        'requirements.txt': 'first==1\n-r reqs/dev.txt\n-c constraints.txt\nlast==1\n',
        'reqs/dev.txt': 'pytest\n-r ../shared.txt\n',
        'shared.txt': 'shared==${VERSION}\n',
        'constraints.txt': 'urllib3<3\n',
      }),
    );
    expect(parsed.requirements.map((r) => [r.file, r.line, r.name, r.specifiers[0] ?? null])).toEqual([
      ['requirements.txt', 1, 'first', '==1'],
      ['reqs/dev.txt', 1, 'pytest', null],
      ['shared.txt', 1, 'shared', '==1.5'],
      ['requirements.txt', 4, 'last', '==1'],
    ]);
    expect(parsed.constraints.map((r) => [r.file, r.name])).toEqual([['constraints.txt', 'urllib3']]);
    expect(parsed.files).toEqual(['requirements.txt', 'reqs/dev.txt', 'shared.txt', 'constraints.txt']);
    expect(parsed.includes.map((i) => [i.file, i.line, i.kind, i.path])).toEqual([
      ['requirements.txt', 2, 'requirement', 'reqs/dev.txt'],
      ['reqs/dev.txt', 2, 'requirement', 'shared.txt'],
      ['requirements.txt', 3, 'constraint', 'constraints.txt'],
    ]);
  });

  it('allows the same file twice (not a cycle) but refuses include cycles', async () => {
    const diamond = await parseRequirementsFile('a.txt', project({ 'a.txt': '-r b.txt\n-r b.txt\n', 'b.txt': 'x\n' }));
    expect(diamond.requirements).toHaveLength(2);
    await expect(parseRequirementsFile('a.txt', project({ 'a.txt': '-r b.txt\n', 'b.txt': 'ok\n-r a.txt\n' }))).rejects.toThrow(
      /b\.txt:2: includes a\.txt, which includes this file again \(a\.txt -> b\.txt -> a\.txt\)/,
    );
  });

  it('refuses includes outside the project and URL includes', async () => {
    await expect(parseRequirementsFile('a.txt', project({ 'a.txt': 'ok\n-r ../outside.txt\n' }))).rejects.toThrow(
      /a\.txt:2: includes \.\.\/outside\.txt, which is outside the project/,
    );
    await expect(parseRequirementsFile('a.txt', project({ 'a.txt': '-c https://example.com/c.txt\n' }))).rejects.toThrow(/only files inside the project/);
    await expect(parseRequirementsFile('../a.txt', project({}))).rejects.toThrow(InputFileError);
  });

  it('names the including line when an included file is missing, and stops at the first bad line', async () => {
    await expect(parseRequirementsFile('a.txt', project({ 'a.txt': 'x\n-r nope.txt\n' }))).rejects.toThrow(/a\.txt:2: cannot read included file nope\.txt: no such file/);
    await expect(parseRequirementsFile('a.txt', project({ 'a.txt': '-r b.txt\n', 'b.txt': 'fine\nbroken>=\n' }))).rejects.toThrow(/b\.txt:2: /);
  });

  it('uses isDirectory for local paths and refuses editables in constraint files', async () => {
    const parsed = await parseRequirementsFile('a.txt', project({ 'a.txt': './pkg\n' }));
    expect(parsed.requirements[0]).toMatchObject({ url: './pkg', name: null });
    await expect(parseRequirementsFile('a.txt', project({ 'a.txt': '-c c.txt\n', 'c.txt': '-e ./pkg\n' }))).rejects.toThrow(/not allowed as constraints/);
  });
});

describe('decodeRequirementsBytes', () => {
  it('honours byte-order marks and PEP 263 coding comments, else requires UTF-8', () => {
    expect(decodeRequirementsBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]), 'r.txt')).toBe('a');
    expect(decodeRequirementsBytes(new Uint8Array([0xff, 0xfe, 0x61, 0x00]), 'r.txt')).toBe('a');
    const latin1 = Buffer.from('# -*- coding: latin-1 -*-\ncaf\xe9\n', 'latin1');
    expect(decodeRequirementsBytes(latin1, 'r.txt')).toBe('# -*- coding: latin-1 -*-\ncafé\n');
    expect(() => decodeRequirementsBytes(new Uint8Array([0x61, 0xff]), 'r.txt')).toThrow(/r\.txt: is not valid utf-8/);
  });
});
