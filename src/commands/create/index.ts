/**
 * `create-slim-python [DIR]`: ask everything, plan every file, then write once.
 * Steps: gather answers -> plan (pure) -> check the target -> apply -> report.
 */
import { isAbsolute, relative } from 'node:path';
import { boolFlag, formatHelp, parseCommandArgs, stringFlag, type ParsedFlags } from '../../args/parse.ts';
import { applicableRequirements } from '../../knowledge/applicable.ts';
import { findRuntime } from '../../target/runtimes.ts';
import type { Requirement } from '../../requirements/types.ts';
import type { SizeReport } from '../../size/size-report.ts';
import { type ProjectConfig } from '../../project/config.ts';
import { gatherAnswers } from './gather-answers.ts';
import { checkTarget } from './check-target.ts';
import { writeProject } from '../../apply/write-project.ts';
import { planNewProject } from '../../plan/project-files.ts';
import { createInquirerPrompter } from '../../io/prompter.ts';
import { formatBanner, formatCreateReport, createJsonSummary } from './report.ts';
import { decideInteractive, type Io } from '../../io/io.ts';
import { UsageError } from '../../errors.ts';
import { warnApkTypos } from '../../knowledge/apk-suggest.ts';
import { TOOL_VERSION } from '../../version.ts';
import { CREATE_SPEC } from './spec.ts';
import { EXIT_CODES_HELP } from '../../errors.ts';

/** Runs the create command; returns the exit code. */
export async function runCreate(argv: readonly string[], io: Io): Promise<number> {
  const args = parseCommandArgs(CREATE_SPEC, argv);
  if (boolFlag(args.flags, 'help')) {
    io.stdout.write(formatHelp(CREATE_SPEC, EXIT_CODES_HELP));
    return 0;
  }
  if (boolFlag(args.flags, 'version')) {
    io.stdout.write(`${TOOL_VERSION}\n`);
    return 0;
  }
  const json = boolFlag(args.flags, 'json') === true;
  // --yes asks nothing, terminal or not (as create-astro's --yes): every value not given takes its default.
  const yes = boolFlag(args.flags, 'yes') === true;
  const interactiveFlag = boolFlag(args.flags, 'interactive');
  if (yes && interactiveFlag === true) throw new UsageError('pass --yes (ask nothing) or --interactive (ask), not both');
  const interactive = !yes && decideInteractive(interactiveFlag, io);
  // With --json, stdout carries only the JSON document: prompts go to stderr.
  const prompter = interactive ? (io.prompter ?? (await createInquirerPrompter({ input: io.stdin, output: json ? io.stderr : io.stdout, cancel: io.cancel }))) : null;

  // The banner comes first: before the first question when interactive, else atop the report.
  const banner = formatBanner(TOOL_VERSION);
  if (prompter && !json) io.stdout.write(`${banner}\n`);
  const answers = await gatherAnswers({ args, cwd: io.cwd, env: io.env, prompter });
  const config: ProjectConfig = {
    version: 1,
    generator: TOOL_VERSION,
    name: answers.name,
    python: answers.python,
    arches: answers.arches,
    app: answers.app,
    port: answers.port,
    requirements: 'requirements.txt',
    buildDeps: answers.buildDeps,
    runtimeLibs: answers.runtimeLibs,
    bytecode: answers.bytecode,
  };
  answers.inferred.decisions.warnings.push(...warnApkTypos(config));
  const files = planNewProject(config, answers.requirementsText, answers.inferred.decisions);
  // --online: measured before anything is written, so a missing pip leaves no partial project.
  const size = boolFlag(args.flags, 'online') === true ? await measureCreateSize(config, answers.requirements, args.flags, io, interactive) : null;
  const target = await checkTarget(answers.dir, files, answers.force);
  const dryRun = boolFlag(args.flags, 'dry-run') === true;

  if (!dryRun) {
    await writeProject(answers.dir, files, { targetExists: target.exists, unchanged: target.unchanged, backups: target.backups, cancel: io.cancel });
  }
  // "./my-app" reads as a path where "my-app" could be the project name.
  const relativeDir = relative(io.cwd, answers.dir) || '.';
  const shownDir = isAbsolute(relativeDir) || relativeDir.startsWith('.') ? relativeDir : `./${relativeDir}`;
  const report = { config, files, target, dryRun, dir: answers.dir, shownDir, decisions: answers.inferred.decisions, addedRequirements: answers.addedRequirements, size };
  if (json) io.stdout.write(`${JSON.stringify(createJsonSummary(report), null, 2)}\n`);
  else io.stdout.write(formatCreateReport(report, prompter ? '' : banner));
  for (const warning of answers.inferred.decisions.warnings) io.stderr.write(`warning: ${warning}\n`);
  return 0;
}

/** The release image's size for the new project (x86_64, the arch docker builds by default). */
async function measureCreateSize(config: ProjectConfig, requirements: readonly Requirement[], flags: ParsedFlags, io: Io, interactive: boolean): Promise<SizeReport> {
  const runtime = findRuntime(config.python)!;
  const { measureReleaseSize } = await import('../../size/measure-size.ts');
  return measureReleaseSize({
    io,
    pipFlag: stringFlag(flags, 'pip'),
    interactive,
    requirements: applicableRequirements(requirements, runtime.version, ['x86_64']),
    target: { python: runtime.version, arch: 'x86_64' },
    runtimeId: runtime.id,
    bytecode: config.bytecode !== false,
  });
}
