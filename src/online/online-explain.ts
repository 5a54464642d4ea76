/**
 * `explain --online`: asks the real package index, through the user's own pip, which projects
 * (transitive ones included) have a musllinux wheel for the target, and shows the same document
 * as the offline explain. `--write` records the answer in slim-python.json so `update` can use
 * it without the network.
 */
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { boolFlag, stringFlag, type ParsedFlags } from '../args/parse.ts';
import { beginWrite, endWrite } from '../cli/cancel.ts';
import { decideInteractive, type Io } from '../cli/io.ts';
import { CONFIG_FILE, serializeConfig, type IndexRecord } from '../config/project-config.ts';
import { CancelledError, describeFsError, UsageError } from '../errors.ts';
import { buildExplainDocument, formatExplain } from '../explain/document.ts';
import { loadKnowledge } from '../knowledge/load.ts';
import { enforceStrict } from '../knowledge/strict.ts';
import { writeFileAtomic } from '../apply/write-atomic.ts';
import { readProjectConfig } from '../project/load-project.ts';
import { applicableRequirements } from '../project/requirements.ts';
import type { Arch, Requirement } from '../requirements/types.ts';
import { findPip } from './find-pip.ts';
import { isCompleteSet } from './complete-set.ts';
import { decideOnline, indexRecordOf } from './online-decisions.ts';
import { startProgress } from './progress.ts';
import { formatSizeReport, type SizeReport } from '../size/size-report.ts';
import { resolveOnline, type OnlineResolution, type PipLine } from './resolve-online.ts';

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
  if (write && root === null) throw new UsageError('--write records the result in a project\'s slim-python.json: pass the project directory instead of --requirements-file');
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
  if (asked.length > 0) {
    const pip = await findPip(stringFlag(flags, 'pip'), io.env, io.cwd, target.python);
    const interactive = decideInteractive(boolFlag(flags, 'interactive'), io);
    const progress = startProgress(io.stderr, interactive, `asking the package index with pip ${pip.version}...`);
    const knowledge = loadKnowledge();
    try {
      resolution = await resolveOnline(pip, toPipLines(asked), target, io.env, {
        onRound: (round) => {
          if (round > 1) progress.update(`asking the package index with pip ${pip.version} (round ${round}: without the projects that must compile)...`);
        },
        requiresOf: (name) => knowledge.packages.get(name)?.requires ?? [],
        complete: isCompleteSet(requirements),
        inferBuild: (name) => !knowledge.packages.has(name),
        onProgress: (answered, known) => progress.update(`asking the package index with pip ${pip.version}: ${answered}/${known} projects...`),
      });
    } finally {
      progress.stop();
    }
  }
  const decisions = decideOnline(resolution, skipped, loadKnowledge(), target);
  const document = buildExplainDocument({ python: target.python, arches: [target.arch] }, requirements, (requirement) => applicable.has(requirement), decisions);
  const size = boolFlag(flags, 'size') === true ? await measureSize(input, asked) : null;
  if (write && root !== null) {
    const record = indexRecordOf(decisions, target);
    await recordIndex(root, record, io);
    io.stderr.write(`recorded ${Object.keys(record.packages).length} projects (CPython ${target.python}, ${target.arch}) in ${join(root, CONFIG_FILE)}\n`);
  }
  if (boolFlag(flags, 'json')) io.stdout.write(`${JSON.stringify(size ? { ...document, size } : document, null, 2)}\n`);
  else io.stdout.write(size ? `${formatExplain(document)}\n${formatSizeReport(size)}` : formatExplain(document));
  enforceStrict(decisions, boolFlag(flags, 'strict') === true);
  return 0;
}

/** --size: installs the wheels as the Dockerfile would and measures the release image. */
async function measureSize(input: OnlineExplainInput, asked: readonly Requirement[]): Promise<SizeReport> {
  const { measureReleaseSize } = await import('../size/measure-size.ts');
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

/**
 * The line pip reads for a requirement: name, extras and specifiers only. The marker was already
 * evaluated for the target (pip would evaluate it for this machine); per-requirement options such
 * as --hash are dropped since hash-checking mode would refuse the unpinned dependencies.
 */
export function toPipLines(requirements: readonly Requirement[]): PipLine[] {
  return requirements
    .filter((requirement): requirement is Requirement & { name: string } => requirement.name !== null)
    .map((requirement) => ({
      text: `${requirement.name}${requirement.extras.length > 0 ? `[${requirement.extras.join(',')}]` : ''}${requirement.specifiers.join(',')}`,
      name: requirement.name,
      extras: [...requirement.extras],
      via: null,
    }));
}

/** Rewrites slim-python.json with the index record (validated on read, written atomically). */
async function recordIndex(root: string, record: IndexRecord, io: Io): Promise<void> {
  const { config } = await readProjectConfig(root);
  if (io.isCancelled()) throw new CancelledError();
  beginWrite();
  try {
    await writeFileAtomic(join(root, CONFIG_FILE), serializeConfig({ ...config, index: record }));
  } finally {
    endWrite();
  }
  if (io.isCancelled()) throw new CancelledError('cancelled (slim-python.json was already updated)');
}
