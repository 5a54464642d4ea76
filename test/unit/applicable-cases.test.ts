/**
 * duplicateRequirementWarnings (src/knowledge/applicable.ts): a project named twice warns only when
 * both lines apply on one of the target's architectures (markers evaluated with the image's
 * python_full_version, 3.12.15 for python:3.12-alpine, src/target/runtimes.ts); paths and URLs
 * (no name) never repeat one another. The warnings are written out.
 */
import { describe, expect, it } from 'vitest';
import { duplicateRequirementWarnings } from '../../src/knowledge/applicable.ts';
import { parseRequirementString } from '../../src/requirements/pep508.ts';
import type { Requirement } from '../../src/requirements/types.ts';

const lines = (...texts: string[]): Requirement[] => texts.map((text, index) => parseRequirementString(text, { file: 'requirements.txt', line: index + 1 }));
const BOTH = ['x86_64', 'aarch64'] as const;

describe('duplicateRequirementWarnings', () => {
  it('two lines for one project on every architecture: one warning, not one per architecture', () => {
    expect(duplicateRequirementWarnings(lines('numpy>=1', 'numpy<3'), '3.12', BOTH)).toEqual([
      'requirements.txt:2: numpy<3 repeats numpy from requirements.txt:1; pip combines them, so keep one line per project',
    ]);
  });

  it('a line whose marker is true still repeats; one whose marker is false on every architecture does not', () => {
    expect(duplicateRequirementWarnings(lines('numpy', 'numpy>=2; python_version >= "3.12"'), '3.12', BOTH)).toEqual([
      'requirements.txt:2: numpy>=2; python_version >= "3.12" repeats numpy from requirements.txt:1; pip combines them, so keep one line per project',
    ]);
    expect(duplicateRequirementWarnings(lines('numpy', 'numpy<2; python_version < "3.11"'), '3.12', BOTH)).toEqual([]);
  });

  it('a marker true on one architecture only repeats there', () => {
    expect(duplicateRequirementWarnings(lines('numpy; platform_machine == "aarch64"', 'numpy<2'), '3.12', BOTH)).toEqual([
      'requirements.txt:2: numpy<2 repeats numpy from requirements.txt:1; pip combines them, so keep one line per project',
    ]);
    expect(duplicateRequirementWarnings(lines('numpy; platform_machine == "aarch64"', 'numpy<2'), '3.12', ['x86_64'])).toEqual([]);
  });

  it('python_full_version is the image patch version (3.12.15), not 3.12.0', () => {
    expect(duplicateRequirementWarnings(lines('numpy', 'numpy<2; python_full_version >= "3.12.1"'), '3.12', ['x86_64'])).toEqual([
      'requirements.txt:2: numpy<2; python_full_version >= "3.12.1" repeats numpy from requirements.txt:1; pip combines them, so keep one line per project',
    ]);
  });

  it('paths and URLs have no name, so two of them never repeat', () => {
    const [one, two] = lines('local-a', 'local-b').map((requirement) => ({ ...requirement, name: null }));
    expect(duplicateRequirementWarnings([one!, two!], '3.12', BOTH)).toEqual([]);
  });
});
