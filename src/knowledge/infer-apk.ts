/** The Alpine package lists the requirements need: the defaults of the build-deps and runtime-libs prompts. */
import type { FormatControl } from '../requirements/format-control.ts';
import type { Arch, Requirement } from '../requirements/types.ts';
import type { PythonRuntime } from '../target/runtimes.ts';
import type { Decisions } from './decisions.ts';
import { decideRequirements } from './pipeline.ts';

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
  locked?: ReadonlyMap<string, readonly string[]>,
): InferredApk {
  const { decisions } = decideRequirements(requirements, { runtime, arches, ...(formats ? { formats } : {}), ...(locked ? { locked } : {}) });
  return {
    build: decisions.apk.build.map((item) => item.name),
    runtime: decisions.apk.runtime.map((item) => item.name),
    decisions,
  };
}
