/**
 * What `update` cannot change for the user: after `--port` or `--app`, the files create wrote
 * once and the user owns (README.md, the app skeleton, the requirements file) may still say the
 * old thing. This plans one step per file, naming lines; reading is separate from deciding.
 */
import type { ProjectConfig } from '../project/config.ts';
import { appKindSpec, missingAppRequirements } from '../project/app-kinds.ts';
import { moduleNameOf } from '../validate/project-name.ts';

/** One thing to change in a file of the user's, with the 1-based lines it concerns (may be none). */
export interface YourFileStep {
  path: string;
  lines: number[];
  text: string;
}

/** The user's files the steps look at, relative to the project root. */
export function yourFilePaths(config: ProjectConfig): string[] {
  return ['README.md', `${moduleNameOf(config.name)}/__main__.py`];
}

/** Plans the steps for a change from `before` to `after` (pure). */
export function planYourFileSteps(before: ProjectConfig, after: ProjectConfig, requirementNames: ReadonlySet<string>, texts: ReadonlyMap<string, string | null>): YourFileStep[] {
  const steps: YourFileStep[] = [];
  const module = moduleNameOf(after.name);
  const readme = texts.get('README.md') ?? null;
  const main = texts.get(`${module}/__main__.py`) ?? null;
  const oldApp = appKindSpec(before.app);
  const newApp = appKindSpec(after.app);

  if (before.app !== after.app) {
    const missing = missingAppRequirements(after.app, requirementNames);
    if (missing.length > 0) {
      steps.push({
        path: after.requirements,
        lines: [],
        text: `add ${missing.join(', ')} (the ${newApp.label} imports ${missing.length === 1 ? 'it' : 'them'}), then run update again`,
      });
    }
    if (main !== null && main.includes(oldApp.entryMarker)) {
      const rewrite = newApp.listens
        ? `rewrite it as ${article(newApp.label)} ${newApp.label} that reads PORT and HOST and serves GET /health (the image's HEALTHCHECK asks it)`
        : `make ${module}/__main__.py the command-line app's entry point`;
      steps.push({ path: `${module}/`, lines: [], text: `still the ${oldApp.label} skeleton; ${rewrite} (update does not rewrite your code)` });
    }
    const described = linesWith(readme, (line) => line.includes(oldApp.description));
    if (described.length > 0) steps.push({ path: 'README.md', lines: described, text: `still describes ${article(oldApp.label)} ${oldApp.label}` });
  }

  if (before.port !== null && after.port !== null && before.port !== after.port) {
    const port = new RegExp(`(?<![0-9])${before.port}(?![0-9])`);
    const change = `port ${before.port}; change to ${after.port}`;
    const inReadme = linesWith(readme, (line) => port.test(line));
    if (inReadme.length > 0) steps.push({ path: 'README.md', lines: inReadme, text: `${says(inReadme)} ${change}` });
    const inMain = linesWith(main, (line) => port.test(line));
    if (inMain.length > 0) {
      steps.push({ path: `${module}/__main__.py`, lines: inMain, text: `${says(inMain)} ${change} (the default outside Docker; the image sets PORT=${after.port})` });
    }
  }
  return steps;
}

/** The report lines for the steps (empty when there are none). */
export function formatYourFileSteps(steps: readonly YourFileStep[]): string[] {
  if (steps.length === 0) return [];
  return [
    'Your files (update does not change them):',
    ...steps.map((step) => {
      const where = step.lines.length === 0 ? step.path : `${step.path} line${step.lines.length > 1 ? 's' : ''} ${step.lines.join(', ')}`;
      return `  ${where}: ${step.text}`;
    }),
  ];
}

function linesWith(text: string | null, test: (line: string) => boolean): number[] {
  if (text === null) return [];
  return text.split(/\r?\n/).flatMap((line, index) => (test(line) ? [index + 1] : []));
}

function says(lines: readonly number[]): string {
  return lines.length > 1 ? 'still say' : 'still says';
}

function article(label: string): string {
  return /^[aeiou]/i.test(label) ? 'an' : 'a';
}
