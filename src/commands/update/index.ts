/**
 * `create-slim-python update [DIR]`: re-read config and requirements, re-render the managed
 * files, and rewrite (unedited), merge (edited) or report conflicts. --check and --dry-run
 * compute the same plan and write nothing.
 */
import { resolve } from 'node:path';
import { boolFlag, formatHelp, parseCommandArgs } from '../../args/parse.ts';
import { decideInteractive, type Io } from '../../io/io.ts';
import { ConflictError, EXIT_CODES_HELP, OutOfDateError, UsageError } from '../../errors.ts';
import { findProjectRoot, loadProject, readProjectConfig } from '../../project/load-project.ts';
import { readCurrentFiles, readYourFiles } from '../../project/current-files.ts';
import { requirementNames } from '../../project/requirements.ts';
import { decideForConfig } from '../../knowledge/pipeline.ts';
import { enforceStrict } from '../../knowledge/strict.ts';
import { BASE_DIR, MANAGED_FILES } from '../../project/managed-files.ts';
import type { MergeFn } from '../../plan/file-change.ts';
import { isOutOfDate, needsAnyMerge, planUpdate, planUpdateRenders, type UpdateInput } from '../../plan/update-plan.ts';
import { yourFilePaths } from '../../plan/your-files.ts';
import { writeUpdate } from '../../apply/write-update.ts';
import { findShadowed, moduleNameOf } from '../../validate/project-name.ts';
import { warnApkTypos } from '../../knowledge/apk-suggest.ts';
import { applyConfigFlags } from './apply-flags.ts';
import { resolveConflicts } from './resolve-conflicts.ts';
import { formatUpdateReport, updateJsonSummary } from './report.ts';
import { UPDATE_SPEC } from './spec.ts';

/** Runs update; returns the exit code (1 for --check out of date, 3 for unresolved conflicts). */
export async function runUpdate(argv: readonly string[], io: Io): Promise<number> {
  const { flags, positionals } = parseCommandArgs(UPDATE_SPEC, argv);
  if (boolFlag(flags, 'help')) {
    io.stdout.write(formatHelp(UPDATE_SPEC, EXIT_CODES_HELP));
    return 0;
  }
  const check = boolFlag(flags, 'check') === true;
  const dryRun = boolFlag(flags, 'dry-run') === true;
  const force = boolFlag(flags, 'force') === true;
  const keep = boolFlag(flags, 'keep') === true;
  const json = boolFlag(flags, 'json') === true;
  if (force && keep) throw new UsageError('pass --force (take the new render) or --keep (leave your file), not both');
  if ((check || dryRun) && (force || keep)) {
    throw new UsageError(`--${force ? 'force' : 'keep'} decides what a write does to a conflict; --${check ? 'check' : 'dry-run'} writes nothing: drop one`);
  }
  const root = await findProjectRoot(io.cwd, positionals[0]);
  // Found above the current folder: say which project the paths below belong to.
  if (positionals[0] === undefined && root !== resolve(io.cwd) && !json) io.stdout.write(`project ${root}\n`);

  // 1. Config (strict), flags applied, requirements, decisions: all before any write.
  const { config: stored, text: configText } = await readProjectConfig(root);
  const loaded = await loadProject(root, io.env, { config: stored, text: configText });
  const config = applyConfigFlags(stored, flags, (candidate) => {
    const decisions = decideForConfig({ ...candidate, locked: loaded.locked }, loaded.requirements, loaded.formats);
    return { build: decisions.apk.build.map((i) => i.name), runtime: decisions.apk.runtime.map((i) => i.name) };
  });
  // A lock is selected for one Python: read it again for a new --python.
  const deps = config.python === stored.python ? loaded : await loadProject(root, io.env, { config, text: configText });
  const decided = decideForConfig({ ...config, locked: deps.locked }, deps.requirements, deps.formats);
  // A requirement added since create may share the project's package name: say so (create refuses it).
  const shadowed = findShadowed(config.name, [...requirementNames(deps.requirements), ...decided.packages.map((item) => item.name)]);
  const decisions =
    shadowed === null
      ? decided
      : {
          ...decided,
          warnings: [
            ...decided.warnings,
            `your package ${moduleNameOf(config.name)} shadows the ${shadowed} package the requirements install: \`import ${moduleNameOf(config.name)}\` gets your code; rename your package`,
          ],
        };
  decisions.warnings.push(...warnApkTypos(config));
  enforceStrict(decisions, boolFlag(flags, 'strict') === true);

  // 2. Read the managed files (with their bases) and, after --port or --app, the user's own files.
  const currentFiles = await readCurrentFiles(root, MANAGED_FILES);
  const yourFileTexts = stored.app === config.app && stored.port === config.port ? null : await readYourFiles(root, yourFilePaths(config));
  const input: UpdateInput = {
    root,
    stored,
    configText,
    config,
    decisions,
    includes: deps.includes,
    requirementNames: requirementNames(deps.requirements),
    current: currentFiles.files,
    packagesRecordText: currentFiles.packagesRecord,
    yourFiles: yourFileTexts,
    mode: check ? 'check' : dryRun ? 'dry-run' : 'write',
  };
  // 3. Plan (pure). The merge library loads only when a file needs it: an up-to-date --check stays quick.
  const planned = planUpdateRenders(input);
  const merge = needsAnyMerge(planned.renders, input.current) ? (await import('../../merge/three-way.ts')).mergeThreeWay : unusedMerge;
  const outcome = planUpdate(input, planned, merge);
  const changes = outcome.changes;

  // 4. --check / --dry-run: report, write nothing.
  const outOfDate = isOutOfDate(outcome);
  if (check || dryRun) {
    const diff = outOfDate && !json ? (await import('../../merge/unified-diff.ts')).unifiedDiff : null;
    io.stdout.write(json ? `${JSON.stringify(updateJsonSummary(outcome), null, 2)}\n` : formatUpdateReport(outcome, { diff }));
    if (check && outOfDate) throw new OutOfDateError('out of date: run "npx create-slim-python update" and commit the result');
    return 0;
  }

  // 5. Conflicts: ask (interactive), or follow --force / --keep, or write markers.
  const interactive = decideInteractive(boolFlag(flags, 'interactive'), io);
  outcome.resolutions = await resolveConflicts(changes, { force, keep, interactive, io, json });

  // 6. Apply: every file atomically.
  await writeUpdate(root, outcome, currentFiles, io.cancel);
  io.stdout.write(json ? `${JSON.stringify(updateJsonSummary(outcome), null, 2)}\n` : formatUpdateReport(outcome, { diff: null }));
  for (const warning of decisions.warnings) io.stderr.write(`warning: ${warning}\n`);
  const unresolved = changes.filter((change) => change.action === 'conflict' && outcome.resolutions.get(change.path) === 'markers');
  const baseless = unresolved.filter((change) => change.noBase);
  if (baseless.length > 0) {
    const paths = baseless.map((change) => change.path).join(', ');
    const stored = baseless.map((change) => `${BASE_DIR}/${change.path}`).join(', ');
    throw new ConflictError(
      `${paths}: no merge base (${stored} is missing), so update cannot tell your edits from generated lines and left ${baseless.length === 1 ? 'it' : 'them'} unchanged: restore ${BASE_DIR}/ from version control, or rerun with --force (take the new render, yours saved as .orig) or --keep`,
    );
  }
  if (unresolved.length > 0) {
    const where = unresolved.map((change) => `${change.path} lines ${change.conflicts.map((c) => `${c.start}-${c.end}`).join(', ')}`).join('; ');
    throw new ConflictError(`conflicts in ${where}: edit the file to resolve them, then run update again (or rerun with --force or --keep)`);
  }
  return 0;
}

const unusedMerge: MergeFn = () => {
  throw new Error('three-way merge requested for a file that needs none');
};
