/**
 * `create-slim-python verify [DIR]`: builds the project's image where a container engine runs and
 * proves it (see VERIFY_SPEC). Reads and checks every input first, then runs the plan once.
 */
import { randomBytes } from 'node:crypto';
import { lstat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { boolFlag, formatHelp, parseCommandArgs, stringFlag } from '../../args/parse.ts';
import type { Io } from '../../io/io.ts';
import { CheckFailedError, UsageError } from '../../errors.ts';
import { readProjectConfig } from '../../project/load-project.ts';
import { buildVerifyDocument, formatVerify } from './report.ts';
import { httpGet, VerifyCancelled } from './app-check.ts';
import { allPassed } from './checks.ts';
import { createDockerRunner } from './docker-runner.ts';
import { planVerify } from './plan-verify.ts';
import { runVerify } from './run-verify.ts';
import { withSignalWatch } from './signals.ts';
import { VERIFY_EXIT_CODES_HELP, VERIFY_SPEC } from './spec.ts';

/** Runs verify; returns the exit code (failures are thrown to the error boundary). */
export async function runVerifyCommand(argv: readonly string[], io: Io): Promise<number> {
  const { flags, positionals } = parseCommandArgs(VERIFY_SPEC, argv);
  if (boolFlag(flags, 'help')) {
    io.stdout.write(formatHelp(VERIFY_SPEC, VERIFY_EXIT_CODES_HELP));
    return 0;
  }
  const timeoutSeconds = parseNumberFlag(stringFlag(flags, 'timeout'), '--timeout', { integer: true, min: 1, max: 3600 }) ?? 60;
  const maxSizeMb = parseNumberFlag(stringFlag(flags, 'max-size'), '--max-size', { integer: false, min: 1, max: 100_000 });
  const dockerFile = stringFlag(flags, 'docker') ?? 'docker';
  if (dockerFile === '' || /[\0\n]/.test(dockerFile)) throw new UsageError('invalid --docker: give a command name or path, e.g. --docker podman');

  const root = resolve(io.cwd, positionals[0] ?? '.');
  const { config } = await readProjectConfig(root);
  const dockerfile = join(root, 'Dockerfile');
  if (!(await lstat(dockerfile).catch(() => null))?.isFile()) throw new UsageError(`${dockerfile} not found: run "create-slim-python update" to regenerate it`);

  const plan = planVerify({
    root,
    config,
    suffix: randomBytes(4).toString('hex'),
    timeoutMs: timeoutSeconds * 1000,
    keepImage: boolFlag(flags, 'keep-image') === true,
    maxSizeBytes: maxSizeMb === undefined ? null : Math.round(maxSizeMb * 1_000_000),
  });
  const quiet = boolFlag(flags, 'quiet') === true;
  const outcome = await withSignalWatch(io.cancel, io.stderr, async (watch) => {
    let result;
    try {
      result = await runVerify(plan, {
        docker: createDockerRunner(dockerFile, io.env, watch.signal),
        dockerFile,
        httpGet,
        signal: watch.signal,
        onBuildOutput: quiet ? null : (chunk) => io.stderr.write(chunk),
        onLedger: (ledger) => watch.track(ledger),
      });
    } catch (error) {
      if (error instanceof VerifyCancelled) throw watch.cancelledError();
      throw error;
    }
    if (result.cancelled) {
      for (const left of result.cleanup.failed) io.stderr.write(`create-slim-python: ${left.resource.kind} ${left.resource.ref} ${left.reason}: ${left.command}\n`);
      throw watch.cancelledError();
    }
    return result;
  });
  io.stdout.write(boolFlag(flags, 'json') ? `${JSON.stringify(buildVerifyDocument(config.name, outcome), null, 2)}\n` : formatVerify(config.name, outcome));
  if (!allPassed(outcome.checks)) {
    const failed = outcome.checks.filter((c) => c.status === 'fail').map((c) => c.id);
    throw new CheckFailedError(failed.length > 0 ? `verify: failed: ${failed.join(', ')}` : 'verify: some checks could not run (see the table)');
  }
  return 0;
}

function parseNumberFlag(value: string | undefined, flag: string, rule: { integer: boolean; min: number; max: number }): number | undefined {
  if (value === undefined) return undefined;
  const pattern = rule.integer ? /^[0-9]+$/ : /^[0-9]+(\.[0-9]+)?$/;
  const number = Number(value);
  if (!pattern.test(value) || number < rule.min || number > rule.max) {
    throw new UsageError(`invalid ${flag} ${JSON.stringify(value)}: use ${rule.integer ? 'a whole number' : 'a number'} from ${rule.min} to ${rule.max}`);
  }
  return number;
}
