/**
 * Requirement intake of src/project/requirements.ts, case by case (written against Stryker's
 * survivors there): lines appended by the tool, the names an app kind compares with, imports of a
 * pyproject.toml and of pip's option lines, read failures. Expectations are literal: texts and line
 * numbers worked out by hand, parse messages as packaging 26.2 words them (`Requirement("foo-")`
 * in python3: "Expected semicolon (after name with no version specifier) or end", caret under
 * its 0-based index 3, which the port reports 1-based as "at character 4"), file-system messages as Node words them.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  appendRequirementLines,
  importRequirementsFile,
  readProjectRequirements,
  requirementNames,
  requirementsFromLines,
  withAppRequirements,
} from '../../src/project/requirements.ts';
import { parseRequirementsText } from '../../src/requirements/index.ts';
import { inputErrorOf } from '../support/errors.ts';

const dir = () => mkdtempSync(join(tmpdir(), 'csp-reqs-cases-'));
const where = (given: { requirements: { file: string; line: number; name: string | null }[] }) => given.requirements.map((r) => [r.file, r.line, r.name]);

describe('requirementsFromLines: advice or the parse error', () => {
  it('a value ending in a dash is a parse error, not an option line', () => {
    expect(inputErrorOf((text) => requirementsFromLines([text]), 'foo-').message).toBe(
      '--requirement:1: Invalid requirement "foo-": Expected semicolon (after name with no version specifier) or end (at character 4)',
    );
  });

  it('a local path that does not parse gets the advice for paths', () => {
    expect(() => requirementsFromLines(['aiohttp', './vendor/pkg'])).toThrow(
      '--requirement #2 ("./vendor/pkg") is a local path: put it in a requirements file and pass --requirements-file FILE (the Dockerfile then needs a COPY of that path before the install step)',
    );
  });
});

describe('appendRequirementLines', () => {
  it('an empty text gets the lines from line 1, in requirements.txt by default', () => {
    const appended = appendRequirementLines({ text: '', requirements: [] }, ['aiohttp']);
    expect(appended.text).toBe('aiohttp\n');
    expect(where(appended)).toEqual([['requirements.txt', 1, 'aiohttp']]);
  });

  it('after a final line break, the lines follow it, numbered on', () => {
    const given = requirementsFromLines(['flask']);
    const appended = appendRequirementLines(given, ['fastapi', 'uvicorn'], 'reqs.txt');
    expect(appended.text).toBe('flask\nfastapi\nuvicorn\n');
    expect(where(appended)).toEqual([
      ['--requirement', 1, 'flask'],
      ['reqs.txt', 2, 'fastapi'],
      ['reqs.txt', 3, 'uvicorn'],
    ]);
  });

  it('a last line without a line break gets one first, in the text own line ending', () => {
    const lf = appendRequirementLines({ text: '# deps\nflask', requirements: [] }, ['aiohttp']);
    expect(lf.text).toBe('# deps\nflask\naiohttp\n');
    expect(where(lf)).toEqual([['requirements.txt', 3, 'aiohttp']]);
    const crlf = appendRequirementLines({ text: 'flask\r\nrequests', requirements: [] }, ['fastapi', 'uvicorn']);
    expect(crlf.text).toBe('flask\r\nrequests\r\nfastapi\r\nuvicorn\r\n');
    expect(where(crlf)).toEqual([
      ['requirements.txt', 3, 'fastapi'],
      ['requirements.txt', 4, 'uvicorn'],
    ]);
  });
});

describe('requirementNames', () => {
  it('names with each extra, and nothing for a requirement without a name', () => {
    const { requirements } = parseRequirementsText('uvicorn[standard]\n./vendor/pkg\nFlask\n', 'requirements.txt');
    expect(requirements.map((r) => r.name)).toEqual(['uvicorn', null, 'flask']);
    expect([...requirementNames(requirements)]).toEqual(['uvicorn', 'uvicorn[standard]', 'flask']);
  });
});

describe('withAppRequirements', () => {
  it('leaves the text untouched when nothing is missing', () => {
    const given = { text: 'aiohttp', requirements: requirementsFromLines(['aiohttp']).requirements };
    expect(withAppRequirements('web', given)).toEqual({ ...given, added: [] });
  });

  it('appends what the app kind imports', () => {
    const given = { text: 'aiohttp', requirements: requirementsFromLines(['aiohttp']).requirements };
    const result = withAppRequirements('fastapi', given);
    expect([result.text, result.added, where(result)]).toEqual([
      'aiohttp\nfastapi\nuvicorn\n',
      ['fastapi', 'uvicorn'],
      [
        ['--requirement', 1, 'aiohttp'],
        ['requirements.txt', 2, 'fastapi'],
        ['requirements.txt', 3, 'uvicorn'],
      ],
    ]);
  });
});

describe('importRequirementsFile', () => {
  it('a pyproject.toml gives its dependencies, one per line', async () => {
    const root = dir();
    const path = join(root, 'pyproject.toml');
    writeFileSync(path, '[project]\nname = "x"\ndependencies = [\n  "aiohttp>=3",\n  "psycopg2",\n]\n');
    const imported = await importRequirementsFile(path, {});
    expect([imported.text, imported.requirements.map((r) => [r.name, r.specifiers]), imported.formats]).toEqual([
      'aiohttp>=3\npsycopg2\n',
      [
        ['aiohttp', ['>=3']],
        ['psycopg2', []],
      ],
      { noBinary: new Map(), onlyBinary: new Map() },
    ]);
  });

  it('expands environment variables from the env given', async () => {
    const root = dir();
    const path = join(root, 'r.txt');
    writeFileSync(path, 'aiohttp==${AIOHTTP_VERSION}\n');
    const imported = await importRequirementsFile(path, { AIOHTTP_VERSION: '3.9.1' });
    expect(imported.requirements.map((r) => [r.name, r.specifiers])).toEqual([['aiohttp', ['==3.9.1']]]);
  });

  it('keeps the format options of the file, with their line', async () => {
    const root = dir();
    const path = join(root, 'r.txt');
    writeFileSync(path, 'lxml\n--no-binary lxml\n');
    const imported = await importRequirementsFile(path, {});
    expect(imported.formats).toEqual({ noBinary: new Map([['lxml', { option: '--no-binary', file: path, line: 2 }]]), onlyBinary: new Map() });
  });

  it('a read failure other than a missing file gives the system message', async () => {
    const root = dir();
    writeFileSync(join(root, 'file.txt'), 'aiohttp\n');
    const path = join(root, 'file.txt', 'r.txt');
    await expect(importRequirementsFile(path, {})).rejects.toThrow(`cannot read --requirements-file ${path}: ENOTDIR: not a directory, stat '${path}'`);
  });
});

describe('readProjectRequirements of a pyproject.toml', () => {
  it('names the file relative to the root', async () => {
    const root = dir();
    writeFileSync(join(root, 'pyproject.toml'), '[project]\nname = "x"\ndependencies = ["aiohttp>=3"]\n');
    const read = await readProjectRequirements(root, './pyproject.toml', {});
    expect(read.all.map((r) => [r.file, r.line, r.name])).toEqual([['pyproject.toml', 3, 'aiohttp']]);
  });

  it('a pyproject.toml that is a directory is refused as such', async () => {
    const root = dir();
    mkdirSync(join(root, 'pyproject.toml'));
    const path = join(root, 'pyproject.toml');
    await expect(readProjectRequirements(root, 'pyproject.toml', {})).rejects.toMatchObject({
      name: 'InputFileRefused',
      message: `${path} is a directory, not a regular file: pass a regular file`,
    });
  });

  it('a read failure other than a missing file gives the system message', async () => {
    const root = dir();
    writeFileSync(join(root, 'sub'), '');
    const path = join(root, 'sub', 'pyproject.toml');
    await expect(readProjectRequirements(root, 'sub/pyproject.toml', {})).rejects.toThrow(`cannot read ${path}: ENOTDIR: not a directory, stat '${path}'`);
  });
});
