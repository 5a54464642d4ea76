/**
 * `create-slim-python init [DIR]`: adopt an existing project. Steps: gather (scan, detect, flags,
 * prompts) -> plan (pure) -> apply (own files only) -> report.
 */
import { isAbsolute, relative } from 'node:path';
import { boolFlag, formatHelp, parseCommandArgs } from '../../args/parse.ts';
import { writeInit } from '../../apply/write-init.ts';
import { decideInteractive, type Io } from '../../io/io.ts';
import { configVersionOf, type ProjectConfig } from '../../project/config.ts';
import { gatherInit } from './gather-init.ts';
import { inspectOwnFiles } from './inspect-own-files.ts';
import { initPaths, planInitFiles } from '../../plan/init-files.ts';
import { decideForConfig } from '../../knowledge/pipeline.ts';
import { createInquirerPrompter } from '../../io/prompter.ts';
import { formatInitReport, initJsonSummary } from './report.ts';
import { TOOL_VERSION } from '../../version.ts';
import { EXIT_CODES_HELP } from '../../errors.ts';
import { INIT_SPEC } from './spec.ts';

/** Runs init; returns the exit code. */
export async function runInit(argv: readonly string[], io: Io): Promise<number> {
  const args = parseCommandArgs(INIT_SPEC, argv);
  if (boolFlag(args.flags, 'help')) {
    io.stdout.write(formatHelp(INIT_SPEC, EXIT_CODES_HELP));
    return 0;
  }
  const json = boolFlag(args.flags, 'json') === true;
  const interactive = decideInteractive(boolFlag(args.flags, 'interactive'), io);
  const out = json ? io.stderr : io.stdout;
  const prompter = interactive ? (io.prompter ?? (await createInquirerPrompter({ input: io.stdin, output: out, cancel: io.cancel }))) : null;

  const answers = await gatherInit({
    args,
    cwd: io.cwd,
    env: io.env,
    prompter,
    showDetected: (lines) => out.write(`Detected:\n${lines.map((line) => `  ${line}`).join('\n')}\n`),
  });
  const config: ProjectConfig = {
    version: 2,
    generator: TOOL_VERSION,
    name: answers.name,
    python: answers.python,
    arches: answers.arches,
    app: answers.port !== null ? 'web' : 'cli',
    port: answers.port,
    requirements: answers.requirementsFile,
    code: answers.code,
    cmd: answers.cmd,
    ...(answers.health !== undefined ? { health: answers.health } : {}),
    buildDeps: answers.buildDeps,
    runtimeLibs: answers.runtimeLibs,
  };
  // Schema 3 when the dependencies are a lock (configVersionOf): what serializeConfig writes.
  config.version = configVersionOf(config);
  // The same decisions update will compute from the written config: same render, no diff.
  const decisions = decideForConfig({ ...config, locked: answers.locked }, answers.requirements, answers.formats);
  const existing = await inspectOwnFiles(answers.root, initPaths());
  const files = planInitFiles(config, decisions, answers.includes, existing, boolFlag(args.flags, 'force') === true);
  const dryRun = boolFlag(args.flags, 'dry-run') === true;
  if (!dryRun) await writeInit(answers.root, files, io.cancel);

  const report = { config, files, dryRun, dir: answers.root, shownDir: shown(io.cwd, answers.root), detected: answers.detected, notes: answers.notes, decisions };
  io.stdout.write(json ? `${JSON.stringify(initJsonSummary(report), null, 2)}\n` : formatInitReport(report));
  for (const warning of decisions.warnings) io.stderr.write(`warning: ${warning}\n`);
  return 0;
}

function shown(cwd: string, dir: string): string {
  const relativeDir = relative(cwd, dir) || '.';
  return isAbsolute(relativeDir) || relativeDir.startsWith('.') ? relativeDir : `./${relativeDir}`;
}
