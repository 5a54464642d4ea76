/**
 * More cases for reading requirements files (src/requirements/read-files.ts), each a survivor of
 * the requirements mutation run (docs/mutation-explained-requirements.txt). Every expectation is pip
 * 26.3's: parse_requirements on the same files for includes, and _decode_req_file on the same
 * bytes for decoding (printed by running them; Python 3.11's codec names). A fresh module per
 * test: the patterns are module-level.
 */
import { describe, expect, it, vi } from 'vitest';

const ROOT = '/project';

async function fresh() {
  vi.resetModules();
  return import('../../src/requirements/read-files.ts');
}

const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));

describe('parseRequirementsFile: includes', () => {
  it('only a path starting with http:, https: or file: is a URL; `profile:x.txt` is a local file', async () => {
    const { parseRequirementsFile } = await fresh();
    const files: Record<string, string> = { 'r.txt': '-r profile:x.txt\n', 'profile:x.txt': 'b\n' };
    const parsed = await parseRequirementsFile('r.txt', {
      projectRoot: ROOT,
      isDirectory: () => false,
      readFile: async (absolutePath: string) => new TextEncoder().encode(files[absolutePath.slice(ROOT.length + 1)]!),
    });
    expect(parsed.requirements.map((r) => [r.file, r.line, r.text])).toEqual([['profile:x.txt', 1, 'b']]);
    expect(parsed.files).toEqual(['r.txt', 'profile:x.txt']);
  });
});

describe('decodeRequirementsBytes: as pip decodes', () => {
  it('ISO-8859-15 is not Latin-1: byte A4 is the euro sign', async () => {
    const { decodeRequirementsBytes } = await fresh();
    expect(decodeRequirementsBytes(bytes('# coding: iso-8859-15\n\xa4\n'), 'r.txt')).toBe('# coding: iso-8859-15\n\u20ac\n');
  });

  it("Python's iso_8859_1 is Latin-1 (a name the WHATWG decoder does not know)", async () => {
    const { decodeRequirementsBytes } = await fresh();
    expect(decodeRequirementsBytes(bytes('# coding: iso_8859_1\n\x80\n'), 'r.txt')).toBe('# coding: iso_8859_1\n\x80\n');
    expect(decodeRequirementsBytes(bytes('# coding: iso-8859_1\n\x80\n'), 'r.txt')).toBe('# coding: iso-8859_1\n\x80\n');
  });

  it('a name that only ends like a Latin-1 name is unknown (Python: LookupError), so refused', async () => {
    const { decodeRequirementsBytes } = await fresh();
    expect(() => decodeRequirementsBytes(bytes('# coding: xlatin1\n\x80\n'), 'r.txt')).toThrow('r.txt: declares encoding xlatin1, which is not supported; save the file as UTF-8');
  });

  it('only the first UTF-8 byte-order mark is removed: a second one stays in the text', async () => {
    const { decodeRequirementsBytes } = await fresh();
    expect(decodeRequirementsBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, 0x61, 0x0a]), 'r.txt')).toBe('\ufeffa\n');
  });
});
