/** `python_full_version` markers see the image's patch version from the runtimes table. */
import { describe, expect, it } from 'vitest';
import { applicableRequirements } from '../../src/knowledge/applicable.ts';
import { findRuntime, imageFullVersion, PYTHON_RUNTIMES } from '../../src/target/runtimes.ts';
import { parseRequirementsText } from '../../src/requirements/index.ts';

const TEXT = 'newer ; python_full_version >= "3.12.8"\nolder ; python_full_version < "3.12.1"\nplain\n';
const names = (python: string, full?: string) => applicableRequirements(parseRequirementsText(TEXT, 'requirements.txt').requirements, python, ['x86_64'], full).map((r) => r.name);

describe('python_full_version', () => {
  it("is the official image's patch version by default (3.12 -> 3.12.15)", () => {
    expect(imageFullVersion('3.12')).toBe('3.12.15');
    expect(names('3.12')).toEqual(['newer', 'plain']);
  });
  it("is the runtime's own for Alpine's python3 (3.14.5, not the image's 3.14.7)", () => {
    const alpine = findRuntime('alpine')!;
    expect(alpine.fullVersion).toBe('3.14.5');
    const text = 'a ; python_full_version >= "3.14.6"\n';
    const requirements = parseRequirementsText(text, 'r').requirements;
    expect(applicableRequirements(requirements, '3.14', ['x86_64'], alpine.fullVersion)).toEqual([]);
    expect(applicableRequirements(requirements, '3.14', ['x86_64'], findRuntime('3.14')!.fullVersion)).toHaveLength(1);
  });
  it('every runtime has a full version of its own minor', () => {
    for (const runtime of PYTHON_RUNTIMES) expect(runtime.fullVersion.startsWith(`${runtime.version}.`), runtime.id).toBe(true);
  });
});
