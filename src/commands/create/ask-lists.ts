/** The list-shaped prompts of create: requirements one per entry, and Alpine package lists. */
import { resolve } from 'node:path';
import type { ApkAdjustments } from '../../project/config.ts';
import { adjustmentsFor } from '../../plan/apk-sets.ts';
import { importRequirementsFile, requirementsFromLines } from '../../project/requirements.ts';
import { InputFileError } from '../../errors.ts';
import type { Prompter } from '../../io/prompter.ts';
import type { FormatControl } from '../../requirements/format-control.ts';
import type { Requirement } from '../../requirements/types.ts';
import { parseApkList } from '../../validate/apk-name.ts';

type Source = 'type' | 'file' | 'none';

/** Asks for requirements: typed one per entry (validated as typed), or an existing file. */
export async function askRequirements(
  prompter: Prompter,
  cwd: string,
  env: Record<string, string | undefined>,
): Promise<{ text: string; requirements: Requirement[]; formats?: FormatControl }> {
  const source = await prompter.select<Source>({
    message: 'Requirements',
    choices: [
      { name: 'type them, one PEP 508 requirement per entry', value: 'type' },
      { name: 'import an existing requirements file', value: 'file' },
      { name: 'none for now', value: 'none' },
    ],
    default: 'type',
  });
  if (source === 'none') return { text: '', requirements: [] };
  if (source === 'file') {
    // A typo (no such file, not a requirements file) shows why and asks again.
    const path = await prompter.input({
      message: 'Path of the requirements file',
      validate: async (value) => {
        if (value.trim() === '') return 'enter a path';
        try {
          await importRequirementsFile(resolve(cwd, value.trim()), env);
          return true;
        } catch (error) {
          return (error as Error).message;
        }
      },
    });
    return importRequirementsFile(resolve(cwd, path.trim()), env);
  }
  const lines: string[] = [];
  for (;;) {
    const line = await prompter.input({
      message: lines.length === 0 ? 'Requirement (e.g. cryptography>=42; empty to finish)' : 'Another requirement (empty to finish)',
      validate: (value) => {
        if (value.trim() === '') return true;
        try {
          requirementsFromLines([value]);
          return true;
        } catch (error) {
          // Shown under the entry itself: the problem only, without the flag-and-line prefix.
          if (error instanceof InputFileError) return error.detail;
          return (error as Error).message.replace(`--requirement #1 (${JSON.stringify(value.trim())}) `, 'this ');
        }
      },
    });
    if (line.trim() === '') break;
    lines.push(line.trim());
  }
  return requirementsFromLines(lines);
}

/** Shows the inferred packages pre-checked, then takes extra names; returns adjustments. */
export async function askApkList(prompter: Prompter, title: string, inferred: readonly string[]): Promise<ApkAdjustments> {
  let kept: string[] = [];
  if (inferred.length > 0) {
    kept = await prompter.checkbox<string>({
      message: `${title} (inferred from the requirements; uncheck to remove)`,
      choices: inferred.map((name) => ({ name, value: name, checked: true })),
    });
  }
  const extra = await prompter.input({
    message: `${title}: extra packages (comma-separated, empty for none)`,
    default: '',
    validate: (value) => {
      try {
        parseApkList(value, 'this list');
        return true;
      } catch (error) {
        return (error as Error).message;
      }
    },
  });
  return adjustmentsFor(inferred, [...kept, ...parseApkList(extra, 'this list').map((entry) => entry.name)]);
}
