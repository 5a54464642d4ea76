/**
 * update's plan, pure: from the stored and the new config, the decisions and the files as they
 * are on disk (read before), every file change, the config to write, the package changes in the
 * user's terms and what the user must change in their own files. --check, --dry-run and the
 * write all come from this one plan; only src/apply/write-update.ts writes it.
 */
import { ConflictError, UsageError } from '../errors.ts';
import type { Decisions } from '../knowledge/decisions.ts';
import { serializeConfig, type ProjectConfig } from '../project/config.ts';
import { TOOL_VERSION } from '../version.ts';
import { describeApkChanges, readLegacyApkSnapshot } from './apk-changes.ts';
import { parsePackagesRecord } from './packages-record.ts';
import { PACKAGES_RECORD } from '../project/managed-files.ts';
import { findUnresolvedConflicts } from '../merge/conflict-markers.ts';
import { needsMerge, planFileChange, type FileChange, type MergeFn } from './file-change.ts';
import { buildDockerfileModel, packagesRecordOf, renderManagedFiles, type PlannedFile } from './project-files.ts';
import { planYourFileSteps, type YourFileStep } from './your-files.ts';

/** How a conflict was resolved: markers written, the new render taken (--force), or the file kept. */
export type Resolution = 'markers' | 'force' | 'keep';

/** A managed file as found: the user's text and the merge base chosen for it (null: none). */
export interface CurrentFile {
  text: string | null;
  base: string | null;
}

export interface UpdateOutcome {
  root: string;
  changes: FileChange[];
  configBefore: string;
  configAfter: string;
  configChanged: boolean;
  apkChanges: string[];
  warnings: string[];
  mode: 'check' | 'dry-run' | 'write';
  resolutions: Map<string, Resolution>;
  /** Backups of the user's files written by a --force resolution (project-relative paths). */
  backups: Map<string, string>;
  /** What the user must change in their own files after a --port or --app change. */
  yourFiles: YourFileStep[];
  /** The record of this render's package lists, written with the Dockerfile's base. */
  packagesRecord: string;
}

export interface UpdateInput {
  root: string;
  /** The config as stored, and its text. */
  stored: ProjectConfig;
  configText: string;
  /** The config with this run's flags applied. */
  config: ProjectConfig;
  decisions: Decisions;
  /** Requirement files the main one includes. */
  includes: readonly string[];
  /** Project names the requirements name (for the steps in the user's own files). */
  requirementNames: ReadonlySet<string>;
  /** The managed files on disk, by path. */
  current: ReadonlyMap<string, CurrentFile>;
  /** The packages record of the last generation (null: none, a project from before records). */
  packagesRecordText: string | null;
  /** The user's own files (README, skeleton, requirements), read only when --port or --app changed. */
  yourFiles: ReadonlyMap<string, string | null> | null;
  mode: UpdateOutcome['mode'];
}

/** The renders of the managed files, from one Dockerfile model. */
export function planUpdateRenders(input: Pick<UpdateInput, 'config' | 'decisions' | 'includes'>): { renders: PlannedFile[]; model: ReturnType<typeof buildDockerfileModel> } {
  const model = buildDockerfileModel(input.config, input.decisions, input.includes);
  return { renders: renderManagedFiles(model), model };
}

/** True when some managed file needs a three-way merge (the caller then loads the merge library). */
export function needsAnyMerge(renders: readonly PlannedFile[], current: ReadonlyMap<string, CurrentFile>): boolean {
  return renders.some((file) => needsMerge(current.get(file.path)!.text, current.get(file.path)!.base, file.content));
}

/** The whole update, as data; exit 3 when a managed file still has conflict markers. */
export function planUpdate(input: UpdateInput, planned: ReturnType<typeof planUpdateRenders>, merge: MergeFn): UpdateOutcome {
  const { config, stored, decisions, current } = input;
  const changes: FileChange[] = planned.renders.map((file) => {
    const state = current.get(file.path)!;
    const unresolved = state.text === null ? [] : findUnresolvedConflicts(state.text);
    if (unresolved.length > 0) {
      const lines = unresolved.map((range) => `${range.start}-${range.end}`).join(', ');
      throw new ConflictError(`${file.path} still has conflict markers (lines ${lines}): resolve them, then run update again`);
    }
    return planFileChange(file.path, state.text, state.base, file.content, merge);
  });
  const recorded = parsePackagesRecord(input.packagesRecordText, (problem) => {
    throw new UsageError(`${PACKAGES_RECORD} ${problem}: delete it (update then reads the package lists from the last generated Dockerfile)`);
  });
  const apkChanges = describeApkChanges(
    recorded ?? readLegacyApkSnapshot(current.get('Dockerfile')?.base ?? current.get('Dockerfile')?.text ?? null),
    // Every package the Dockerfile lists with a reason, fixed ones (binutils, ca-certificates) too:
    // the snapshot of the old file has them all.
    { build: planned.model.buildNotes, runtime: planned.model.releaseNotes },
    decisions,
    { build: config.buildDeps.remove, runtime: config.runtimeLibs.remove },
  );
  // The config records the tool version only when this run writes something.
  const fileChanged = changes.some((change) => change.action !== 'identical' || change.base !== change.render);
  const flagsChanged = serializeConfig(config) !== serializeConfig(stored);
  const configAfter = serializeConfig(fileChanged || flagsChanged ? { ...config, generator: TOOL_VERSION } : stored);
  // After --port or --app: what the user must change in the files that are theirs.
  const yourFiles = input.yourFiles === null ? [] : planYourFileSteps(stored, config, input.requirementNames, input.yourFiles);
  return {
    root: input.root,
    changes,
    configBefore: input.configText,
    configAfter,
    configChanged: configAfter !== input.configText,
    apkChanges,
    warnings: decisions.warnings,
    mode: input.mode,
    resolutions: new Map(),
    backups: new Map(),
    yourFiles,
    packagesRecord: packagesRecordOf(planned.model),
  };
}

/** Whether --check finds the project out of date. */
export function isOutOfDate(outcome: UpdateOutcome): boolean {
  return outcome.configChanged || outcome.changes.some((change) => change.action !== 'identical');
}
