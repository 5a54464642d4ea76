/**
 * Turns what the index said into the same decisions `explain` shows offline: the online status
 * wins over the knowledge base's wheel facts; the knowledge base still supplies what a project
 * needs to compile (build packages) and the libraries it links or loads (runtime packages).
 */
import { byName } from '../sort.ts';
import { collectApk } from './apk-reasons.ts';
import { C_TOOLCHAIN, compileNeeds } from './decide.ts';
import type { Decisions, Knowledge, PackageDecision, Problem } from './decisions.ts';
import { formatFloorViolation, violatedFloors } from './floors.ts';
import { parseRequirementString } from '../requirements/index.ts';
import type { KnowledgeEntry } from './schema.ts';
import type { Requirement } from '../requirements/types.ts';
import type { BlockedDist, IndexTarget as PipTarget, OnlineDist, OnlineResolution } from './index-answer.ts';

/** Decisions from an online resolution; `skipped` are requirements pip was not asked about. */
export function decideOnline(resolution: OnlineResolution, skipped: readonly Requirement[], knowledge: Knowledge, target: PipTarget): Decisions {
  const warnings: string[] = [];
  const decisions = new Map<string, PackageDecision>();
  for (const dist of resolution.dists) decisions.set(dist.name, decideDist(dist, knowledge.packages.get(dist.name), target));
  for (const item of resolution.blocked) {
    const entry = knowledge.packages.get(item.name);
    decisions.set(item.name, decideBlocked(item, entry, target));
    if (item.reason === 'not-found') warnings.push(`${item.name}: the package index does not know this project; pip cannot install it from there`);
    else if (!entry && item.inferred) warnings.push(inferredMessage(item));
    else if (!entry) warnings.push(`${item.name}: compiles from source and is not in the knowledge base; add the Alpine packages it needs with --build-deps / --runtime-libs`);
  }
  for (const requirement of skipped) {
    const label = requirement.name ?? requirement.text;
    if (decisions.has(label)) continue;
    warnings.push(`${requirement.file}:${requirement.line}: ${requirement.text} is a path or URL; not checked against the index, assuming it may compile`);
    decisions.set(label, {
      name: label,
      status: 'unknown',
      why: 'a path or URL requirement: not checked against the index',
      build: [C_TOOLCHAIN],
      runtime: [],
      sources: [],
      via: null,
    });
  }
  for (const dist of resolution.dists) {
    if (dist.status === null) warnings.push(`${dist.name}: pip picked ${dist.file ?? 'a local directory'}, which does not tell whether it is a musllinux wheel`);
  }
  warnings.push(...markerWarnings(resolution.environment, target), ...(resolution.warnings ?? []));
  const unavailable = resolution.blocked.filter((item) => item.reason === 'unavailable').map((item) => ({ name: item.name, message: unavailableMessage(item, target) }));
  const problems = [...unavailable, ...floorProblems(resolution, knowledge, target)];
  warnings.push(...problems.map((problem) => problem.message));
  const packages = [...decisions.values()].sort(byName);
  return { packages, apk: collectApk(packages), warnings, problems };
}

function inferredMessage(item: BlockedDist): string {
  const inferred = item.inferred!;
  const found =
    inferred.apk.length > 0
      ? inferred.apk.map((apk) => `${apk.name} (${apk.because})`).join(', ')
      : inferred.backend === null
        ? `no [build-system] declared (a setup.py build), so nothing beyond ${C_TOOLCHAIN} can be inferred`
        : `nothing beyond ${C_TOOLCHAIN} (build-backend ${inferred.backend})`;
  const unmapped = inferred.unmapped.length > 0 ? `; it also declares ${inferred.unmapped.join(', ')}, which have no known Alpine name` : '';
  return `${item.name}: compiles from source and is not in the knowledge base; from ${inferred.sdist}'s pyproject.toml: ${found}${unmapped}; add what else it needs with --build-deps / --runtime-libs`;
}

function unavailableMessage(item: BlockedDist, target: PipTarget): string {
  return `${item.requirement} cannot be installed on Alpine (CPython ${target.python}, ${target.arch}): the index has no musllinux wheel that fits and no sdist`;
}

function decideDist(dist: OnlineDist, entry: KnowledgeEntry | undefined, target: PipTarget): PackageDecision {
  const base = { name: dist.name, via: dist.via, sources: dist.file ? [`index:${dist.file}`] : [] };
  const dlopen = [...(entry?.dlopen ?? [])].sort();
  if (dist.status === 'pure') {
    return {
      ...base,
      status: 'pure',
      why: dlopen.length > 0 ? `pure Python (${dist.file}); loads ${dlopen.join(', ')} at run time` : `pure Python (${dist.file})`,
      build: [],
      runtime: dlopen,
    };
  }
  if (dist.status === 'wheel') {
    return { ...base, status: 'wheel', why: `musllinux wheel for CPython ${target.python} on ${target.arch} (${dist.file})`, build: [], runtime: dlopen };
  }
  if (dist.status === 'compile') return decideBlocked({ name: dist.name, requirement: dist.name, via: dist.via, versions: [], reason: 'compile' }, entry, target);
  return { ...base, status: 'unknown', why: `pip picked ${dist.file ?? 'a local directory'}`, build: [C_TOOLCHAIN], runtime: dlopen };
}

function decideBlocked(item: BlockedDist, entry: KnowledgeEntry | undefined, target: PipTarget): PackageDecision {
  const base = { name: item.name, via: item.via, sources: [...new Set((entry?.sources ?? []).map((source) => source.ref))].sort() };
  if (item.reason === 'not-found') {
    return { ...base, status: 'unknown', why: `${item.requirement} is not on the package index`, build: [C_TOOLCHAIN], runtime: [] };
  }
  if (item.reason === 'unavailable') {
    return {
      ...base,
      status: 'unavailable',
      why: `no musllinux wheel of ${item.requirement} for CPython ${target.python} on ${target.arch}, and no sdist: pip cannot install it on Alpine`,
      build: [],
      runtime: [],
    };
  }
  // pip lists every release with a usable file, pre-releases included; name the newest final one.
  const finals = item.versions.filter((version) => /^\d+(\.\d+)*(\.post\d+)?$/.test(version));
  const newest = finals[finals.length - 1] ?? item.versions[item.versions.length - 1];
  const why = newest
    ? `no musllinux wheel of ${item.requirement} for CPython ${target.python} on ${target.arch} (wheels exist up to ${newest}): pip builds it from source`
    : `no musllinux or pure-Python wheel of ${item.requirement} for CPython ${target.python} on ${target.arch}: pip builds it from source`;
  const inferred = entry ? null : (item.inferred ?? null);
  return {
    ...base,
    ...(inferred ? { sources: [`sdist:${inferred.sdist}`] } : {}),
    status: 'compile',
    why: inferred && inferred.apk.length > 0 ? `${why}; build packages inferred from its sdist's pyproject.toml` : why,
    ...compileNeeds(entry?.build ?? inferred?.apk.map((apk) => apk.name) ?? [], entry?.runtime ?? [], entry?.dlopen ?? []),
  };
}

/**
 * Pins that must compile below the lowest release that builds and imports on this CPython (the
 * knowledge base's floors), as offline: the resolved version of a compiling dist, or the
 * specifiers of a requirement pip found no wheel for.
 */
function floorProblems(resolution: OnlineResolution, knowledge: Knowledge, target: PipTarget): Problem[] {
  const problems: Problem[] = [];
  const check = (name: string, requirementText: string) => {
    const entry = knowledge.packages.get(name);
    if (!entry?.floors) return;
    let requirement: Requirement;
    try {
      requirement = parseRequirementString(requirementText, { file: 'pip', line: 1 });
    } catch {
      return;
    }
    const violation = violatedFloors(entry, requirement, target.python);
    if (violation) problems.push({ name, message: formatFloorViolation(name, violation, target.python, null) });
  };
  for (const dist of resolution.dists) if (dist.status === 'compile') check(dist.name, `${dist.name}==${dist.version}`);
  for (const item of resolution.blocked) if (item.reason === 'compile') check(item.name, item.requirement);
  return problems.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * pip evaluates the markers of dependencies for the machine it runs on, not for --platform /
 * --python-version (https://github.com/pypa/pip/issues/11010): say so when they differ.
 */
function markerWarnings(environment: Record<string, string> | null, target: PipTarget): string[] {
  if (environment === null) return [];
  const differs =
    (environment.python_version !== undefined && environment.python_version !== target.python) ||
    (environment.platform_machine !== undefined && environment.platform_machine !== target.arch);
  if (!differs) return [];
  return [
    `pip evaluated the markers of transitive dependencies for this machine (CPython ${environment.python_version ?? '?'} on ${environment.platform_machine ?? '?'}), not for CPython ${target.python} on ${target.arch}; a dependency behind such a marker may be missing or extra`,
  ];
}
