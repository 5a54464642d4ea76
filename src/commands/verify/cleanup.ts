/**
 * What verify started, recorded BEFORE each `docker` call that may create it, and removed in
 * reverse order at the end whatever happened (a failed check, a crash, Ctrl-C, SIGTERM). Clean-up
 * calls are not cancellable: a second signal ends the process, and then the exit hook names what is
 * left so the user can remove it.
 */
import { cleanStderr, isAlreadyGone } from './docker-output.ts';
import type { DockerRunner } from './docker-runner.ts';
import { removeContainerArgs, removeImageArgs } from './plan-verify.ts';

export interface Resource {
  kind: 'container' | 'image';
  /** Container name or image tag. */
  ref: string;
}

export interface CleanupReport {
  /** Removed by verify (a resource that was never created, e.g. after a failed build, is in no list). */
  removed: Resource[];
  kept: Resource[];
  /** Left behind because removing failed: each with the command to run. */
  failed: { resource: Resource; command: string; reason: string }[];
}

const CLEANUP_TIMEOUT_MS = 60_000;

/** The manual command that removes a resource, with the docker CLI the user runs (`docker`, or `--docker`'s). */
export function removalCommand(resource: Resource, cli = 'docker'): string {
  return `${cli} ${(resource.kind === 'container' ? removeContainerArgs(resource.ref) : removeImageArgs(resource.ref)).join(' ')}`;
}

export class Ledger {
  private readonly pending: Resource[] = [];

  constructor(private readonly cli = 'docker') {}

  /** The manual command that removes a resource. */
  commandFor(resource: Resource): string {
    return removalCommand(resource, this.cli);
  }
  private readonly foreign: CleanupReport['failed'] = [];

  /**
   * Records something the engine left that verify cannot prove is its own (podman's build containers
   * after a cancelled build): reported with its command, never removed.
   */
  leave(resource: Resource, reason: string): void {
    this.foreign.push({ resource, command: this.commandFor(resource), reason });
  }

  /** Records a resource about to be created. */
  add(resource: Resource): void {
    this.pending.push(resource);
  }

  /** What would be left if the process ended now, in the order to remove it. */
  remaining(): Resource[] {
    return [...this.pending].reverse();
  }

  /** Removes everything recorded, newest first (containers before the image they use); images too unless keepImage. */
  async removeAll(docker: DockerRunner, keepImage: boolean): Promise<CleanupReport> {
    const report: CleanupReport = { removed: [], kept: [], failed: [...this.foreign] };
    while (this.pending.length > 0) {
      const resource = this.pending.at(-1)!;
      if (resource.kind === 'image' && keepImage) {
        report.kept.push(resource);
        this.pending.pop();
        continue;
      }
      const args = resource.kind === 'container' ? removeContainerArgs(resource.ref) : removeImageArgs(resource.ref);
      const result = await docker({ args, timeoutMs: CLEANUP_TIMEOUT_MS, cancellable: false });
      if (result.exitCode === 0) {
        report.removed.push(resource);
      } else if (!isAlreadyGone(result.stderr)) {
        const reason = result.timedOut ? 'timed out' : (cleanStderr(result.stderr).at(-1) ?? `exit ${result.exitCode}`);
        report.failed.push({ resource, command: this.commandFor(resource), reason });
      }
      this.pending.pop();
    }
    return report;
  }
}
