/**
 * What each logical line of a requirements file means (src/requirements/requirements-file.ts):
 * requirement, include or global options, with the options pip keeps for each. Expectations follow
 * pip 26 run on the same lines (req_file.get_line_parser + ParsedLine + handle_requirement_line):
 * a requirement keeps --hash and --config-settings (an editable only --config-settings), the first
 * -r wins over -c, the first -e is the requirement. A fresh module per test: the option lists are
 * module-level.
 */
import { describe, expect, it, vi } from 'vitest';

async function fresh() {
  vi.resetModules();
  return import('../../src/requirements/requirements-file.ts');
}

const isDirectory = (path: string) => path === './pkg' || path === './other';

describe('scanRequirementsText', () => {
  it('requirements with their own options; format options count; other globals on a requirement line do not', async () => {
    const { scanRequirementsText } = await fresh();
    const [plain, editable, editableHash, byName, twoEditables] = scanRequirementsText(
      'pkg==1 --hash=sha256:aa --config-settings=k=v --no-binary=pkg --pre\n-e ./pkg --config-settings=k=v\n-e ./pkg --hash=sha256:aa\n--editable=./pkg\n-e ./pkg -e ./other\n',
      'x.txt',
      { isDirectory },
    );
    expect(plain).toMatchObject({
      kind: 'requirement',
      line: 1,
      requirement: { file: 'x.txt', line: 1, text: 'pkg==1', name: 'pkg', editable: false, options: ['--hash=sha256:aa', '--config-settings=k=v'] },
      formatOptions: [{ name: '--no-binary', value: 'pkg', line: 1 }],
    });
    expect(editable).toMatchObject({
      kind: 'requirement',
      line: 2,
      requirement: { text: './pkg', url: './pkg', editable: true, options: ['--config-settings=k=v'] },
      formatOptions: [],
    });
    expect(editableHash).toMatchObject({ kind: 'requirement', requirement: { editable: true, options: [] } });
    expect(byName).toMatchObject({ kind: 'requirement', requirement: { text: './pkg', editable: true } });
    expect(twoEditables).toMatchObject({ kind: 'requirement', requirement: { text: './pkg', editable: true } });
  });

  it('includes: the first -r, else the first -c; the other options of that line are ignored', async () => {
    const { scanRequirementsText } = await fresh();
    const scanned = scanRequirementsText('-r a.txt -c b.txt --pre\n-c b.txt -r a.txt\n-c b.txt --no-index\n-r first.txt -r second.txt\n', 'x.txt');
    expect(scanned).toEqual([
      { kind: 'include', line: 1, include: { kind: 'requirement', path: 'a.txt', line: 1 } },
      { kind: 'include', line: 2, include: { kind: 'requirement', path: 'a.txt', line: 2 } },
      { kind: 'include', line: 3, include: { kind: 'constraint', path: 'b.txt', line: 3 } },
      { kind: 'include', line: 4, include: { kind: 'requirement', path: 'first.txt', line: 4 } },
    ]);
  });

  it('option lines keep their global options, without --hash and --config-settings', async () => {
    const { scanRequirementsText } = await fresh();
    expect(scanRequirementsText('\n--hash=sha256:aa --pre --config-settings=a=b\n--only-binary=:all: --no-binary=x\n', 'x.txt')).toEqual([
      { kind: 'options', line: 2, options: [{ name: '--pre', value: null, line: 2 }] },
      {
        kind: 'options',
        line: 3,
        options: [
          { name: '--only-binary', value: ':all:', line: 3 },
          { name: '--no-binary', value: 'x', line: 3 },
        ],
      },
    ]);
  });

  it('errors are reported per line, and the scan goes on', async () => {
    const { scanRequirementsText } = await fresh();
    const scanned = scanRequirementsText('ok\n--nope\nbad[\n-e ./pkg\nfine\n', 'x.txt', { constraint: true, isDirectory });
    expect(scanned.map((entry) => [entry.kind, entry.line, entry.kind === 'error' ? entry.error.message : null])).toEqual([
      ['requirement', 1, null],
      ['error', 2, 'x.txt:2: invalid line "--nope": no such option: --nope'],
      ['error', 3, 'x.txt:3: Invalid requirement "bad[": Expected matching RIGHT_BRACKET for LEFT_BRACKET, after extras (at character 4)'],
      ['error', 4, 'x.txt:4: Editable requirements are not allowed as constraints'],
      ['requirement', 5, null],
    ]);
  });

  it('${VAR} comes from the given environment', async () => {
    const { scanRequirementsText } = await fresh();
    expect(scanRequirementsText('a==${V}\n', 'x.txt', { env: { V: '3' } })).toMatchObject([{ requirement: { text: 'a==3', specifiers: ['==3'] } }]);
  });
});

describe('parseRequirementsText', () => {
  it('collects requirements, includes and options (format options of requirement lines included), in order', async () => {
    const { parseRequirementsText } = await fresh();
    const parsed = parseRequirementsText('--pre\na --no-binary=a\n-r more.txt\nb\n', 'x.txt');
    expect(parsed.requirements.map((r) => [r.name, r.line])).toEqual([
      ['a', 2],
      ['b', 4],
    ]);
    expect(parsed.includes).toEqual([{ kind: 'requirement', path: 'more.txt', line: 3 }]);
    expect(parsed.options).toEqual([
      { name: '--pre', value: null, line: 1 },
      { name: '--no-binary', value: 'a', line: 2 },
    ]);
  });

  it('throws the first error', async () => {
    const { parseRequirementsText } = await fresh();
    expect(() => parseRequirementsText('a\n--nope\nbad[\n', 'x.txt')).toThrow('x.txt:2: invalid line "--nope": no such option: --nope');
  });
});
