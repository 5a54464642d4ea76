/**
 * More cases for preprocessing requirements files (src/requirements/requirements-lines.ts), each a
 * survivor of the requirements mutation run (docs/mutation-explained-requirements.txt); expectations are
 * Python's str.splitlines() on the same text.
 */
import { describe, expect, it } from 'vitest';
import { splitLines } from '../../src/requirements/requirements-lines.ts';

describe('splitLines', () => {
  it('a text without a line break is one line, whatever it says', () => {
    // Python: 'Stryker was here!'.splitlines() == ['Stryker was here!'] (Stryker's placeholder text,
    // which a mutant compares the input with).
    expect(splitLines('Stryker was here!')).toEqual(['Stryker was here!']);
    expect(splitLines('')).toEqual([]);
  });
});
