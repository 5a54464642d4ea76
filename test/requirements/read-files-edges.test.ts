/**
 * Reading a requirements file with its includes (src/requirements/read-files.ts): every field of
 * the result, each refusal with its message, and pip's decoding (pip/_internal/req/req_file.py
 * _decode_req_file: a byte-order mark first, then a PEP 263 `coding` comment on one of the first
 * two lines that start with `#`, else UTF-8; Python's latin-1 names). A fresh module per test: the
 * BOM table and the patterns are module-level.
 */
import { describe, expect, it, vi } from 'vitest';

const ROOT = '/project';

async function fresh() {
  vi.resetModules();
  return import('../../src/requirements/read-files.ts');
}

function project(files: Record<string, string | Uint8Array>, more: Record<string, unknown> = {}) {
  return {
    projectRoot: ROOT,
    env: { V: '2' },
    isDirectory: (path: string) => path === './pkg',
    readFile: async (absolutePath: string) => {
      const content = files[absolutePath.slice(ROOT.length + 1)];
      if (content === undefined) throw Object.assign(new Error(`ENOENT: ${absolutePath}`), { code: 'ENOENT' });
      return typeof content === 'string' ? new TextEncoder().encode(content) : content;
    },
    ...more,
  };
}

async function refusal(run: Promise<unknown>): Promise<string> {
  try {
    await run;
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected a refusal');
}

describe('parseRequirementsFile: the whole result', () => {
  it('requirements, constraints, includes, options and files, in pip order', async () => {
    const { parseRequirementsFile } = await fresh();
    const parsed = await parseRequirementsFile(
      'sub/main.txt',
      project({
        'sub/main.txt': '--index-url https://i\na==${V} --no-binary=:all:\n-c ../c.txt\n-r inc.txt\n./pkg\n',
        'sub/inc.txt': 'b\n--pre\n',
        'c.txt': 'a<3\n-r sub/inc.txt\n',
      }),
    );
    // pip 26's parse_requirements on the same files: a==2, then a<3 (constraint), b twice (once
    // through c.txt, whose -r names a requirements file again), ./pkg.
    expect(parsed.requirements.map((r) => [r.file, r.line, r.text])).toEqual([
      ['sub/main.txt', 2, 'a==2'],
      ['sub/inc.txt', 1, 'b'],
      ['sub/inc.txt', 1, 'b'],
      ['sub/main.txt', 5, './pkg'],
    ]);
    expect(parsed.constraints.map((r) => [r.file, r.line, r.text])).toEqual([['c.txt', 1, 'a<3']]);
    expect(parsed.includes).toEqual([
      { kind: 'constraint', path: 'c.txt', line: 3, file: 'sub/main.txt' },
      { kind: 'requirement', path: 'sub/inc.txt', line: 2, file: 'c.txt' },
      { kind: 'requirement', path: 'sub/inc.txt', line: 4, file: 'sub/main.txt' },
    ]);
    expect(parsed.options).toEqual([
      { name: '--index-url', value: 'https://i', line: 1, file: 'sub/main.txt' },
      { name: '--no-binary', value: ':all:', line: 2, file: 'sub/main.txt' },
      { name: '--pre', value: null, line: 2, file: 'sub/inc.txt' },
      { name: '--pre', value: null, line: 2, file: 'sub/inc.txt' },
    ]);
    expect(parsed.files).toEqual(['sub/main.txt', 'c.txt', 'sub/inc.txt']);
  });

  it('an absolute main path inside the project; the default directory test asks the disk relative to the root', async () => {
    const { parseRequirementsFile } = await fresh();
    const parsed = await parseRequirementsFile('/project/r.txt', { ...project({ 'r.txt': 'x\n' }), isDirectory: undefined });
    expect(parsed.files).toEqual(['r.txt']);
    expect(parsed.requirements.map((r) => r.name)).toEqual(['x']);
  });
});

describe('parseRequirementsFile: refusals', () => {
  it('files outside the project, URLs, cycles and unreadable files', async () => {
    const { parseRequirementsFile } = await fresh();
    expect(await refusal(parseRequirementsFile('../r.txt', project({})))).toBe('../r.txt: is outside the project directory /project');
    expect(await refusal(parseRequirementsFile('.', project({})))).toBe('.: is outside the project directory /project');
    expect(await refusal(parseRequirementsFile('r.txt', project({ 'r.txt': 'ok\n-r ../x.txt\n' })))).toBe(
      'r.txt:2: includes ../x.txt, which is outside the project directory; copy it into the project',
    );
    for (const url of ['https://x/r.txt', 'HTTP://x/r.txt', 'file:///project/x.txt']) {
      expect(await refusal(parseRequirementsFile('r.txt', project({ 'r.txt': `-r ${url}\n` }))), url).toBe(
        `r.txt:1: includes ${url}: only files inside the project can be included`,
      );
    }
    expect(await refusal(parseRequirementsFile('r.txt', project({ 'r.txt': '-r ./r.txt\n' })))).toBe('r.txt:1: includes ./r.txt, which includes this file again (r.txt -> r.txt)');
    expect(await refusal(parseRequirementsFile('a.txt', project({ 'a.txt': '-r b.txt\n', 'b.txt': '-c c.txt\n', 'c.txt': '\n-r b.txt\n' })))).toBe(
      'c.txt:2: includes b.txt, which includes this file again (b.txt -> c.txt -> b.txt)',
    );
    expect(await refusal(parseRequirementsFile('r.txt', project({})))).toBe('r.txt: cannot read: no such file');
    expect(await refusal(parseRequirementsFile('r.txt', project({ 'r.txt': 'a\n-r gone.txt\n' })))).toBe('r.txt:2: cannot read included file gone.txt: no such file');
    const refused = async () => {
      throw Object.assign(new Error('x'), { reason: 'is not a regular file' });
    };
    expect(await refusal(parseRequirementsFile('r.txt', project({}, { readFile: refused })))).toBe('r.txt: cannot read: is not a regular file');
    const denied = async () => {
      throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    };
    expect(await refusal(parseRequirementsFile('r.txt', project({}, { readFile: denied })))).toBe('r.txt: cannot read: EACCES: permission denied');
    expect(await refusal(parseRequirementsFile('r.txt', project({ 'r.txt': 'ok\nbad[\n' })))).toMatch(/^r\.txt:2: /);
  });
});

describe('decodeRequirementsBytes: as pip decodes', () => {
  const bytes = (...values: number[]) => new Uint8Array(values);
  const ascii = (text: string) => [...Buffer.from(text, 'latin1')];

  it('byte-order marks: UTF-8, UTF-16 LE and BE', async () => {
    const { decodeRequirementsBytes } = await fresh();
    expect(decodeRequirementsBytes(bytes(0xef, 0xbb, 0xbf, ...ascii('a\n')), 'r.txt')).toBe('a\n');
    expect(decodeRequirementsBytes(bytes(0xff, 0xfe, 0x61, 0x00, 0x0a, 0x00), 'r.txt')).toBe('a\n');
    expect(decodeRequirementsBytes(bytes(0xfe, 0xff, 0x00, 0x61, 0x00, 0x0a), 'r.txt')).toBe('a\n');
    // Only a whole BOM counts: 0xEF 0xBB alone is no UTF-8 BOM (and invalid UTF-8).
    expect(() => decodeRequirementsBytes(bytes(0xef, 0xbb, 0x61), 'r.txt')).toThrow('r.txt: is not valid utf-8; save the file as UTF-8');
  });

  it('a coding comment on line 1 or 2, only on a line starting with #', async () => {
    const { decodeRequirementsBytes } = await fresh();
    expect(decodeRequirementsBytes(bytes(...ascii('# -*- coding: latin-1 -*-\nna\xefve\n')), 'r.txt')).toBe('# -*- coding: latin-1 -*-\nnaïve\n');
    expect(decodeRequirementsBytes(bytes(...ascii('x\n#coding=iso-8859-1\n\xe9\n')), 'r.txt')).toBe('x\n#coding=iso-8859-1\né\n');
    // On line 3, or not after a #, the comment is not read: UTF-8, which these bytes are not.
    expect(() => decodeRequirementsBytes(bytes(...ascii('x\ny\n# coding: latin-1\n\xe9\n')), 'r.txt')).toThrow('r.txt: is not valid utf-8; save the file as UTF-8');
    expect(() => decodeRequirementsBytes(bytes(...ascii('x # coding: latin-1\n\xe9\n')), 'r.txt')).toThrow('r.txt: is not valid utf-8; save the file as UTF-8');
  });

  it("Python's names of ISO-8859-1 decode every byte as itself (not as windows-1252)", async () => {
    const { decodeRequirementsBytes } = await fresh();
    for (const name of ['latin-1', 'latin_1', 'latin1', 'LATIN1', 'iso-8859-1', 'iso8859_1', 'ISO_8859-1', 'l1', '8859', 'cp819']) {
      expect(decodeRequirementsBytes(bytes(...ascii(`# coding: ${name}\n\x80\n`)), 'r.txt'), name).toBe(`# coding: ${name}\n\x80\n`);
    }
  });

  it('UTF-8 by default; unknown or unusable encodings are refused', async () => {
    const { decodeRequirementsBytes } = await fresh();
    expect(decodeRequirementsBytes(new TextEncoder().encode('é==1\n'), 'r.txt')).toBe('é==1\n');
    expect(() => decodeRequirementsBytes(bytes(...ascii('# coding: klingon\nx\n')), 'r.txt')).toThrow(
      'r.txt: declares encoding klingon, which is not supported; save the file as UTF-8',
    );
    expect(() => decodeRequirementsBytes(bytes(...ascii('# coding: utf-8\n\xff\n')), 'r.txt')).toThrow('r.txt: is not valid utf-8; save the file as UTF-8');
  });
});
