/**
 * The update summary in the user's terms: which Alpine packages were added or removed and why,
 * e.g. "removed cargo (build) because cryptography now installs from a wheel".
 */
import type { Decisions } from '../knowledge/decisions.ts';
import type { ApkLine } from './apk-sets.ts';

export interface ApkSnapshot {
  build: Map<string, string[]>;
  runtime: Map<string, string[]>;
}

const SECTION = /^#\s{3}([a-z0-9][a-z0-9._+:-]*): (.*)$/;

/**
 * For a project generated before the packages record existed (src/plan/packages-record.ts) only:
 * the package lists of the last run, read from the generated base of the Dockerfile
 * (.slim-python/generated/Dockerfile, never the user's edited file), its `#   name: reason` lines
 * under each stage. The next update that regenerates the Dockerfile writes the record.
 */
export function readLegacyApkSnapshot(dockerfile: string | null): ApkSnapshot {
  const snapshot: ApkSnapshot = { build: new Map(), runtime: new Map() };
  if (dockerfile === null) return snapshot;
  let stage: 'build' | 'runtime' | null = null;
  for (const line of dockerfile.split('\n')) {
    if (/^FROM .* AS build$/i.test(line)) stage = 'build';
    else if (/^FROM .* AS release$/i.test(line)) stage = 'runtime';
    const match = SECTION.exec(line);
    if (match && stage) snapshot[stage].set(match[1]!, projectsOf(match[2]!));
  }
  return snapshot;
}

function projectsOf(reason: string): string[] {
  const match = /^(?:compiling|loaded by) (.+)$/.exec(reason);
  return match ? match[1]!.split(', ') : [];
}

/** Sentences describing how the package lists changed, sorted build first. */
export function describeApkChanges(
  before: ApkSnapshot,
  after: { build: ApkLine[]; runtime: ApkLine[] },
  decisions: Decisions,
  removedByYou: { build: readonly string[]; runtime: readonly string[] } = { build: [], runtime: [] },
): string[] {
  const sentences: string[] = [];
  for (const stage of ['build', 'runtime'] as const) {
    const now = new Map(after[stage].map((line) => [line.name, line]));
    for (const [name, line] of now) {
      if (before[stage].has(name)) continue;
      // A package of the runtime itself (Alpine's python3) says what it is; yours says so.
      const why =
        line.for.length > 0
          ? ` because ${line.for.join(', ')} ${stage === 'build' ? 'must compile' : 'needs it at run time'}`
          : line.by === 'you'
            ? ' because you added it'
            : `: ${line.reason}`;
      sentences.push(`added ${name} (${stage})${why}`);
    }
    for (const [name, projects] of before[stage]) {
      if (now.has(name)) continue;
      const why = removedByYou[stage].includes(name) ? 'because you removed it (slim-python.json)' : removalReason(projects, decisions);
      sentences.push(`removed ${name} (${stage}) ${why}`);
    }
  }
  return sentences;
}

function removalReason(projects: readonly string[], decisions: Decisions): string {
  if (projects.length === 0) return 'because you removed it';
  const parts = projects.map((project) => {
    const decision = decisions.packages.find((item) => item.name === project);
    if (!decision) return `${project} is no longer required`;
    if (decision.status === 'wheel') return `${project} now installs from a wheel`;
    if (decision.status === 'pure') return `${project} is pure Python`;
    return `${project} no longer needs it`;
  });
  return `because ${parts.join(' and ')}`;
}
