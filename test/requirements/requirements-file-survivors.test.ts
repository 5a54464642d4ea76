/**
 * More cases for requirements-file lines (src/requirements/requirements-file.ts), each a survivor
 * of the requirements mutation run (docs/mutation-explained-requirements.txt).
 */
import { describe, expect, it } from 'vitest';
import { scanRequirementsText } from '../../src/requirements/requirements-file.ts';

describe('scanRequirementsText', () => {
  it('a failure that is no refusal of the line (the directory check failing) is passed on as it is, not reported as an invalid line', () => {
    // read-files.ts asks statSync, which throws on EACCES (only a missing entry is no error there).
    const denied = new Error('EACCES: permission denied, stat ./x');
    const isDirectory = () => {
      throw denied;
    };
    expect(() => scanRequirementsText('./x\n', 'r.txt', { isDirectory })).toThrow(denied);
  });
});
