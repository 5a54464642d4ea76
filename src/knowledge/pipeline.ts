/**
 * The one road from requirements to decisions. Every command (create, init, update, explain,
 * explain --online) and both plop generators come here, so a target's Python version, its
 * architectures, the file's `--no-binary` / `--only-binary`, a lock's files and the index record
 * of `explain --online --write` are honoured alike everywhere. Pure: the knowledge base is loaded
 * once per process (knowledge/load.ts) and can be injected by tests.
 */
import type { Arch, Requirement } from '../requirements/types.ts';
import type { FormatControl } from '../requirements/format-control.ts';
import { findRuntime, type PythonRuntime } from '../target/runtimes.ts';
import { applicableRequirements, duplicateRequirementWarnings } from './applicable.ts';
import { decide } from './decide.ts';
import type { Decisions, Knowledge } from './decisions.ts';
import { decideOnline } from './index-decisions.ts';
import { withIndexRecord, type IndexRecord } from './index-record.ts';
import { loadKnowledge } from './load.ts';
import type { OnlineResolution } from './index-answer.ts';

export interface PipelineTarget {
  /** The image's CPython: its minor version, and its patch version for `python_full_version`. */
  runtime: Pick<PythonRuntime, 'version' | 'fullVersion'>;
  /** Architectures the image is built for; a project compiles when any of them lacks a wheel. */
  arches: readonly Arch[];
  /** `--no-binary` / `--only-binary` from the requirements files. */
  formats?: FormatControl;
  /** Project -> the distribution files a lock file lists for it. */
  locked?: ReadonlyMap<string, readonly string[]>;
  /** What `explain --online --write` recorded in slim-python.json. */
  index?: IndexRecord;
}

/** The parts of a project's config that choose its target. */
export interface ConfigTarget {
  python: string;
  arches: readonly Arch[];
  index?: IndexRecord;
  /** The files of the lock the image installs from (slim-python.json v3), when it is one. */
  locked?: ReadonlyMap<string, readonly string[]> | undefined;
}

export interface PipelineResult {
  decisions: Decisions;
  /** The requirements whose markers apply on at least one of the target's architectures. */
  applicable: Requirement[];
}

/** Decides the requirements for a target: markers, then the knowledge base (with the index record over it). */
export function decideRequirements(requirements: readonly Requirement[], target: PipelineTarget, knowledge: Knowledge = loadKnowledge()): PipelineResult {
  const python = target.runtime.version;
  const applicable = applicableRequirements(requirements, python, target.arches, target.runtime.fullVersion);
  const decided = decide(applicable, withIndexRecord(knowledge, target.index, target.arches, python), {
    python,
    arches: target.arches,
    ...(target.formats ? { formats: target.formats } : {}),
    ...(target.locked ? { locked: target.locked } : {}),
  });
  const decisions = { ...decided, warnings: [...duplicateRequirementWarnings(requirements, python, target.arches), ...decided.warnings] };
  return { decisions, applicable };
}

/** The target a project's config names (its runtime must be known: the config was validated). */
export function targetOfConfig(config: ConfigTarget, formats?: FormatControl): PipelineTarget {
  const runtime = findRuntime(config.python)!;
  return { runtime, arches: config.arches, ...(formats ? { formats } : {}), ...(config.index ? { index: config.index } : {}), ...(config.locked ? { locked: config.locked } : {}) };
}

/** Decisions for a project's config: its runtime, its architectures and its index record. */
export function decideForConfig(config: ConfigTarget, requirements: readonly Requirement[], formats?: FormatControl, knowledge?: Knowledge): Decisions {
  return decideRequirements(requirements, targetOfConfig(config, formats), knowledge).decisions;
}

/**
 * Decisions from what the real index said (explain --online): the index's status wins over the
 * knowledge base's wheel facts; the knowledge base still supplies build and runtime packages.
 * `skipped` are requirements pip was not asked about (paths and URLs).
 */
export function decideFromIndex(
  resolution: OnlineResolution,
  skipped: readonly Requirement[],
  target: { python: string; arch: Arch },
  knowledge: Knowledge = loadKnowledge(),
): Decisions {
  return decideOnline(resolution, skipped, knowledge, target);
}
