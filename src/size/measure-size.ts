/**
 * One entry point for "how big will the release image be", shared by `explain --online --size`
 * and `create --online`: finds the user's pip, installs the applicable requirements' wheels as the
 * build stage would, and combines the venv with the base table. Loaded lazily (it spawns pip).
 */
import type { Io } from '../io/io.ts';
import { findPip } from '../online/find-pip.ts';
import { toPipLines } from '../online/pip-lines.ts';
import { startProgress } from '../online/progress.ts';
import type { Arch, Requirement } from '../requirements/types.ts';
import { measureVenv } from './measure-venv.ts';
import { buildSizeReport, type SizeReport } from './size-report.ts';

export interface SizeInput {
  io: Io;
  /** `--pip`, when given. */
  pipFlag: string | undefined;
  interactive: boolean;
  /** Named requirements that apply to the target (markers evaluated), URLs and paths left out. */
  requirements: readonly Requirement[];
  target: { python: string; arch: Arch };
  runtimeId: string;
  bytecode: boolean;
}

/** Measures the release image for the requirements; pip's failures are ToolErrors. */
export async function measureReleaseSize(input: SizeInput): Promise<SizeReport> {
  const named = input.requirements.filter((requirement) => requirement.name !== null && requirement.url === null);
  if (named.length === 0) return buildSizeReport(input.runtimeId, input.bytecode, { venv: 0, packages: {}, notes: [] });
  const pip = await findPip(input.pipFlag, input.io.env, input.io.cwd);
  const progress = startProgress(input.io.stderr, input.interactive, `installing the wheels with pip ${pip.version} to measure the venv...`);
  try {
    const lines = toPipLines(named).map((line) => line.text);
    const measure = await measureVenv({ pip, lines, target: input.target, bytecode: input.bytecode, env: input.io.env });
    return buildSizeReport(input.runtimeId, input.bytecode, measure);
  } finally {
    progress.stop();
  }
}
