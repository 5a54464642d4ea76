/** Which Alpine packages a set of decisions needs, each with the projects that need it (sorted). */
import { byName } from '../sort.ts';
import type { ApkReason, Decisions, PackageDecision } from './decisions.ts';

/** The Alpine package sets of some decisions, each package with the projects that need it. */
export function collectApk(packages: readonly PackageDecision[]): Decisions['apk'] {
  const build = new Map<string, Set<string>>();
  const runtime = new Map<string, Set<string>>();
  for (const decision of packages) {
    for (const name of decision.build) addReason(build, name, decision.name);
    for (const name of decision.runtime) addReason(runtime, name, decision.name);
  }
  return { build: toReasons(build), runtime: toReasons(runtime) };
}

function addReason(map: Map<string, Set<string>>, apk: string, project: string): void {
  const set = map.get(apk) ?? new Set<string>();
  set.add(project);
  map.set(apk, set);
}

function toReasons(map: Map<string, Set<string>>): ApkReason[] {
  return [...map.entries()].map(([name, projects]) => ({ name, for: [...projects].sort() })).sort(byName);
}
