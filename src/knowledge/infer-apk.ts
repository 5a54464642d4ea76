/** The Alpine package lists the requirements need: the defaults of the build-deps and runtime-libs prompts. */
import { decide, type Decisions } from './decide.ts';
import { loadKnowledge } from './load.ts';
import { applicableRequirements, duplicateRequirementWarnings } from '../project/requirements.ts';
import type { PythonRuntime } from '../target/runtimes.ts';
import type { FormatControl } from '../requirements/format-control.ts';
import type { Arch, Requirement } from '../requirements/types.ts';

export interface InferredApk {
  build: string[];
  runtime: string[];
  decisions: Decisions;
}

/** Decides every requirement for the runtime's Python version on all target architectures. */
export function inferApk(
  requirements: readonly Requirement[],
  runtime: Pick<PythonRuntime, 'version' | 'fullVersion'>,
  arches: readonly Arch[],
  formats?: FormatControl,
): InferredApk {
  const python = runtime.version;
  const applicable = applicableRequirements(requirements, python, arches, runtime.fullVersion);
  const decided = decide(applicable, loadKnowledge(), { python, arches, ...(formats ? { formats } : {}) });
  const decisions = { ...decided, warnings: [...duplicateRequirementWarnings(requirements, python, arches), ...decided.warnings] };
  return {
    build: decisions.apk.build.map((item) => item.name),
    runtime: decisions.apk.runtime.map((item) => item.name),
    decisions,
  };
}
