/**
 * The `apk add --no-cache` line an update recognises inside a conflict (src/merge/apk-edit.ts), at
 * the edges of its regular expression: package lists on one line or continued one per line, with
 * one or more spaces or tabs between names, before a backslash and as indentation. The expression
 * is a module-level constant, so each test imports the module afresh (`vi.resetModules()`): a
 * mutant of it is built while the mutant is on. Every expected line and note is written out.
 */
import { describe, expect, it, vi } from 'vitest';

async function fresh() {
  vi.resetModules();
  return import('../../src/merge/apk-edit.ts');
}

const kept = (name: string, flag: string) => `you added ${name} to a generated apk add line: kept; record it with \`update ${flag} +${name}\` so the tool keeps it for you`;
const removed = (name: string, flag: string) => `you removed ${name} from a generated apk add line: kept removed; record it with \`update ${flag}=-${name}\``;
const hint = (name: string, flag: string) => `you added ${name} to a generated apk add line: \`update ${flag} +${name}\` records it, so regenerations keep it without a hand edit`;

describe('resolveApkEdit: a package list on one line', () => {
  it('every name of the list counts, not only the first', async () => {
    const { resolveApkEdit } = await fresh();
    expect(
      resolveApkEdit(['RUN apk add --no-cache gcc musl-dev'], ['RUN apk add --no-cache gcc musl-dev curl'], ['RUN apk add --no-cache gcc musl-dev libffi-dev'], 'build'),
    ).toEqual({
      lines: ['RUN apk add --no-cache gcc musl-dev libffi-dev curl'],
      notes: [kept('curl', '--build-deps')],
    });
  });

  it('names with digits, dots, plus signs and colons; a removed one stays removed', async () => {
    const { resolveApkEdit } = await fresh();
    expect(
      resolveApkEdit(
        ['RUN apk add --no-cache so:libc.musl-x86_64.so.1 g++ py3-pip'],
        ['RUN apk add --no-cache so:libc.musl-x86_64.so.1 py3-pip 7zip'],
        ['RUN apk add --no-cache so:libc.musl-x86_64.so.1 g++ py3-pip lz4-libs'],
        'runtime',
      ),
    ).toEqual({
      lines: ['RUN apk add --no-cache so:libc.musl-x86_64.so.1 py3-pip lz4-libs 7zip'],
      notes: [kept('7zip', '--runtime-libs'), removed('g++', '--runtime-libs')],
    });
  });

  it('two spaces or a tab between names are a separator too', async () => {
    const { resolveApkEdit } = await fresh();
    expect(resolveApkEdit(['RUN apk add --no-cache gcc  musl-dev'], ['RUN apk add --no-cache gcc  musl-dev\tcurl'], ['RUN apk add --no-cache gcc libffi-dev'], 'build')).toEqual({
      lines: ['RUN apk add --no-cache gcc libffi-dev curl'],
      notes: [kept('curl', '--build-deps')],
    });
  });

  it('an option after the list is not a package: only the names before it are compared', async () => {
    const { resolveApkEdit } = await fresh();
    expect(
      resolveApkEdit(['RUN apk add --no-cache gcc --virtual x'], ['RUN apk add --no-cache gcc curl --virtual x'], ['RUN apk add --no-cache gcc make --virtual x'], 'build'),
    ).toEqual({
      lines: ['RUN apk add --no-cache gcc make curl --virtual x'],
      notes: [kept('curl', '--build-deps')],
    });
  });
});

describe('resolveApkEdit: a package list continued one per line', () => {
  const list = (...names: string[]) => ['RUN apk add --no-cache \\', ...names.map((name, index) => `    ${name}${index < names.length - 1 ? ' \\' : ''}`)];

  it('four spaces of indentation, one space before each backslash: the new layout is kept', async () => {
    const { resolveApkEdit } = await fresh();
    expect(resolveApkEdit(list('tzdata', 'ca-certificates'), list('tzdata', 'ca-certificates', 'curl'), list('tzdata', 'ca-certificates', 'libmagic'), 'runtime')).toEqual({
      lines: ['RUN apk add --no-cache \\', '    tzdata \\', '    ca-certificates \\', '    libmagic \\', '    curl'],
      notes: [kept('curl', '--runtime-libs')],
    });
  });

  it('two spaces before a backslash, and a tab as indentation', async () => {
    const { resolveApkEdit } = await fresh();
    const base = ['RUN apk add --no-cache  \\', '\ttzdata  \\', '\tca-certificates'];
    const ours = ['RUN apk add --no-cache  \\', '\ttzdata  \\', '\tca-certificates  \\', '\tcurl'];
    const theirs = ['RUN apk add --no-cache \\', '\ttzdata \\', '\tlibmagic'];
    expect(resolveApkEdit(base, ours, theirs, 'runtime')).toEqual({
      lines: ['RUN apk add --no-cache \\', '\ttzdata \\', '\tlibmagic \\', '\tcurl'],
      notes: [kept('curl', '--runtime-libs')],
    });
  });
});

describe('hintApkAdditions', () => {
  it('names each package you added to a continued list, with the flag of its stage', async () => {
    const { hintApkAdditions } = await fresh();
    const base = ['RUN apk add --no-cache \\', '    tzdata \\', '    ca-certificates'];
    const ours = ['RUN apk add --no-cache \\', '    tzdata \\', '    ca-certificates \\', '    curl \\', '    jq && true'];
    expect(hintApkAdditions(base, ours, 'build')).toEqual([hint('curl', '--build-deps'), hint('jq', '--build-deps')]);
    expect(hintApkAdditions(['RUN apk add --no-cache gcc'], ['RUN apk add --no-cache gcc  curl'], 'runtime')).toEqual([hint('curl', '--runtime-libs')]);
  });
});
