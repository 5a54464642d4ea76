/** CMD argv checks (src/validate/argv.ts): the message counts arguments from 1, as a user does. */
import { describe, expect, it } from 'vitest';
import { formatExecForm, validateArgv } from '../../src/validate/argv.ts';

describe('validateArgv', () => {
  it('names the argument with a control character by its position counted from 1', () => {
    expect(() => validateArgv(['python', '-m', 'my\napp'], '--cmd')).toThrow('--cmd argument 3 contains a control character (a NUL or a line break?)');
    expect(() => validateArgv(['a\0'], 'slim-python.json "cmd"')).toThrow('slim-python.json "cmd" argument 1 contains a control character (a NUL or a line break?)');
  });

  it('refuses an empty argv and an empty program, and copies a valid one', () => {
    expect(() => validateArgv([], '--cmd')).toThrow('--cmd is empty: give the command to run');
    expect(() => validateArgv(['', 'x'], '--cmd')).toThrow('--cmd: the program name is empty');
    expect(validateArgv(['python', '-m', 'app'], '--cmd')).toEqual(['python', '-m', 'app']);
    expect(formatExecForm(['python', '-m', 'app'])).toBe('["python", "-m", "app"]');
  });
});
