/**
 * Which requirements apply to a target: markers evaluated for each architecture the image is
 * built for, with `python_full_version` the image's patch version. Pure.
 */
import { evaluateMarker } from '../requirements/index.ts';
import type { Arch, Requirement } from '../requirements/types.ts';
import { imageFullVersion } from '../target/runtimes.ts';

/**
 * A warning per requirement that names a project an earlier one already names, where both apply
 * on one of the architectures: pip merges them, which hides what the file means to say.
 */
export function duplicateRequirementWarnings(requirements: readonly Requirement[], python: string, arches: readonly Arch[]): string[] {
  const warnings: string[] = [];
  const at = (requirement: Requirement) => `${requirement.file}:${requirement.line}`;
  const full = imageFullVersion(python);
  for (const arch of arches) {
    const first = new Map<string, Requirement>();
    for (const requirement of requirements) {
      if (requirement.name === null) continue;
      if (requirement.marker !== null && !evaluateMarker(requirement.marker, { python, arch, ...(full ? { full } : {}) })) continue;
      const earlier = first.get(requirement.name);
      if (!earlier) first.set(requirement.name, requirement);
      else warnings.push(`${at(requirement)}: ${requirement.text} repeats ${requirement.name} from ${at(earlier)}; pip combines them, so keep one line per project`);
    }
  }
  return [...new Set(warnings)];
}

/**
 * The requirements that apply on at least one of the given architectures (markers evaluated, with
 * `python_full_version` the image's patch version: `full`, else the official image's for `python`):
 * the image for that architecture installs them, so their Alpine needs count.
 */
export function applicableRequirements(
  requirements: readonly Requirement[],
  python: string,
  arches: readonly Arch[],
  full: string | undefined = imageFullVersion(python),
): Requirement[] {
  return requirements.filter(
    (requirement) => requirement.marker === null || arches.some((arch) => evaluateMarker(requirement.marker!, { python, arch, ...(full ? { full } : {}) })),
  );
}
