/**
 * The generators, for node-plop (and `plop` users): `project` writes a whole new project and
 * `dockerfile` re-renders the managed files, from the same templates, the same decision pipeline
 * (src/knowledge/pipeline.ts: target, index record) and the same pure planner the CLI uses. The CLI itself calls the planner directly: importing node-plop costs ~160 ms of
 * start-up, and plan/apply needs contents in memory for --dry-run, --check and merges. The
 * parity test (test/unit/plopfile.test.ts) runs these generators through node-plop and checks
 * they write the very bytes the CLI plans.
 */
import type { NodePlopAPI } from 'node-plop';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ProjectConfig } from './src/project/config.ts';
import { decideForConfig } from './src/knowledge/pipeline.ts';
import { planManagedFiles, planNewProject, type PlannedFile } from './src/plan/project-files.ts';
import { requirementsFromLines, withAppRequirements } from './src/project/requirements.ts';
import { createRenderer, renderInline } from './src/render/engine.ts';
import { loadTemplateSources } from './src/render/template-sources.ts';

/** Answers a generator takes: the project config plus the requirement lines (and included files, as update sees them). */
export interface GeneratorAnswers {
  config: ProjectConfig;
  requirements: string[];
  /** Requirement files the main one includes (`-r`), copied into the build stage too. */
  includes?: string[];
}

function plan(answers: GeneratorAnswers, which: 'project' | 'dockerfile', render: ReturnType<typeof createRenderer>): PlannedFile[] {
  // As in the CLI: the app skeleton's framework is added to the requirements when missing.
  const { text, requirements } = withAppRequirements(answers.config.app, requirementsFromLines(answers.requirements));
  const decisions = decideForConfig(answers.config, requirements);
  return which === 'project' ? planNewProject(answers.config, text, decisions, render) : planManagedFiles(answers.config, decisions, answers.includes ?? [], render);
}

export default function plopfile(plop: NodePlopAPI): void {
  const sources = loadTemplateSources();
  // node-plop's own renderString HTML-escapes (`=` becomes `&#x3D;`): replace it with our
  // environment (noEscape, strict) so templates render the same through plop as in the CLI.
  const render = createRenderer(sources);
  plop.renderString = (template: string, data: object) => renderInline(template, data);

  const writePlanned =
    (which: 'project' | 'dockerfile') =>
    async (answers: object): Promise<string> => {
      const files = plan(answers as GeneratorAnswers, which, render);
      const root = plop.getDestBasePath();
      for (const file of files) {
        const path = join(root, file.path);
        await mkdir(dirname(path), { recursive: true });
        await writeFile(path, file.content, 'utf8');
      }
      return `wrote ${files.length} files`;
    };
  plop.setActionType('slim-python-write', async (answers, config) => writePlanned((config as unknown as { which: 'project' | 'dockerfile' }).which)(answers));

  plop.setGenerator('project', {
    description: 'a new Python project with a multi-stage Alpine Dockerfile',
    prompts: [],
    actions: [{ type: 'slim-python-write', which: 'project' } as never],
  });
  plop.setGenerator('dockerfile', {
    description: 're-render the Dockerfile and .dockerignore of a project',
    prompts: [],
    actions: [{ type: 'slim-python-write', which: 'dockerfile' } as never],
  });
}
