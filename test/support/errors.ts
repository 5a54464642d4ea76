/** Test helper: the InputFileError a parse throws, or a failure when it does not throw one. */
import { expect } from 'vitest';
import { InputFileError } from '../../src/errors.ts';

/** Runs `parse(text)` and returns the InputFileError it must throw. */
export function inputErrorOf(parse: (text: string) => unknown, text: string): InputFileError {
  try {
    parse(text);
  } catch (error) {
    expect(error).toBeInstanceOf(InputFileError);
    return error as InputFileError;
  }
  throw new Error(`expected ${JSON.stringify(text)} to be rejected`);
}
