/**
 * `explain --online`: asks the real package index, through the user's own pip, which projects
 * (transitive ones included) have a musllinux wheel for the target, and shows the same document
 * as the offline explain. `--write` records the answer in slim-python.json so `update` can use
 * it without the network.
 */
import { writeConfig } from '../../apply/write-config.ts';
import { toPipLines } from '../../online/pip-lines.ts';
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { boolFlag, stringFlag, type ParsedFlags } from '../../args/parse.ts';
import { decideInteractive, type Io } from '../../io/io.ts';
import { CONFIG_FILE, serializeConfig } from '../../project/config.ts';
import { indexRecordOf } from '../../knowledge/index-record.ts';
import { describeFsError, UsageError } from '../../errors.ts';
import { buildExplainDocument, formatExplain } from './document.ts';
import { loadKnowledge } from '../../knowledge/load.ts';
import { enforceStrict } from '../../knowledge/strict.ts';
import { readProjectConfig } from '../../project/load-project.ts';
import { applicableRequirements } from '../../knowledge/applicable.ts';
import type { Arch, Requirement } from '../../requirements/types.ts';
import { findPip } from '../../online/find-pip.ts';
import { isCompleteSet } from '../../online/complete-set.ts';
import { decideFromIndex } from '../../knowledge/pipeline.ts';
import { startProgress } from '../../online/progress.ts';
import { formatSizeReport, type SizeReport } from '../../size/size-report.ts';
import { resolveOnline, type OnlineResolution } from '../../online/resolve-online.ts';

export interface OnlineExplainInput {
  io: Io;
  flags: ParsedFlags;
  requirements: Requirement[];
  target: { python: string; arch: Arch };
  /** Project directory; null when explaining a bare requirements file. */
  root: string | null;
  /** The runtime id (`3.12`, `alpine`) and the project's bytecode choice, for --size. */
  runtimeId: string;
  bytecode: boolean;
}

/** Runs the online explain; returns the exit code (errors are thrown). */
export async function runOnlineExplain(input: OnlineExplainInput): Promise<number> {
  const { io, flags, requirements, target, root } = input;
  const write = boolFlag(flags, 'write') === true;
  if (write && root === null) throw new UsageError("--write records the result in a project's slim-python.json: pass the project directory instead of --requirements-file");
  if (write && root !== null) {
    // Before pip spends minutes on the index: a read-only or unwritable project fails now (exit 73).
    await access(root, constants.W_OK).catch((error: unknown) => {
      throw describeFsError(error, 'write', join(root, CONFIG_FILE)) ?? error;
    });
  }
  const applicable = new Set(applicableRequirements(requirements, target.python, [target.arch]));
  const asked = [...applicable].filter((requirement) => requirement.name !== null && requirement.url === null);
  const skipped = [...applicable].filter((requirement) => !asked.includes(requirement));

  let resolution: OnlineResolution = { dists: [], blocked: [], environment: null };
  const knowledge = loadKnowledge();
  if (asked.length > 0) {
    const pip = await findPip(stringFlag(flags, 'pip'), io.env, io.cwd, target.python);
    const interactive = decideInteractive(boolFlag(flags, 'interactive'), io);
    const progress = startProgress(io.stderr, interactive, `asking the package index with pip ${pip.version}...`);
    try {
      resolution = await resolveOnline(pip, toPipLines(asked), target, io.env, {
        cancel: io.cancel,
        requiresOf: (name) => knowledge.packages.get(name)?.requires ?? [],
        complete: isCompleteSet(requirements),
        inferBuild: (name) => !knowledge.packages.has(name),
        onProgress: (answered, known) => progress.update(`asking the package index with pip ${pip.version}: ${answered}/${known} projects...`),
      });
    } finally {
      progress.stop();
    }
  }
  const decisions = decideFromIndex(resolution, skipped, target, knowledge);
  const document = buildExplainDocument({ python: target.python, arches: [target.arch] }, requirements, (requirement) => applicable.has(requirement), decisions);
  const size = boolFlag(flags, 'size') === true ? await measureSize(input, asked) : null;
  if (write && root !== null) {
    // Plan (the config with the record, validated on read), then the one write.
    const record = indexRecordOf(decisions, target);
    const { config } = await readProjectConfig(root);
    await writeConfig(root, serializeConfig({ ...config, index: record }), io.cancel);
    io.stderr.write(`recorded ${Object.keys(record.packages).length} projects (CPython ${target.python}, ${target.arch}) in ${join(root, CONFIG_FILE)}\n`);
  }
  if (boolFlag(flags, 'json')) io.stdout.write(`${JSON.stringify(size ? { ...document, size } : document, null, 2)}\n`);
  else io.stdout.write(size ? `${formatExplain(document)}\n${formatSizeReport(size)}` : formatExplain(document));
  enforceStrict(decisions, boolFlag(flags, 'strict') === true);
  return 0;
}

/** --size: installs the wheels as the Dockerfile would and measures the release image. */
async function measureSize(input: OnlineExplainInput, asked: readonly Requirement[]): Promise<SizeReport> {
  const { measureReleaseSize } = await import('../../size/measure-size.ts');
  return measureReleaseSize({
    io: input.io,
    pipFlag: stringFlag(input.flags, 'pip'),
    interactive: decideInteractive(boolFlag(input.flags, 'interactive'), input.io),
    requirements: asked,
    target: input.target,
    runtimeId: input.runtimeId,
    bytecode: input.bytecode,
  });
}
