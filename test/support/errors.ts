/** Test helpers: the error a call must throw, or a failure when it throws none (or another kind). */
import { expect } from 'vitest';
import { InputFileError } from '../../src/errors.ts';

/** Runs `run` and returns the message of the error it must throw, an instance of `type`. */
export function messageOf(run: () => unknown, type: abstract new (...args: never[]) => Error = Error): string {
  return errorOf(run, type).message;
}

function errorOf<T extends Error>(run: () => unknown, type: abstract new (...args: never[]) => T): T {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(type);
    return error as T;
  }
  throw new Error(`expected a ${type.name}, none was thrown`);
}

/** Runs `parse(text)` and returns the InputFileError it must throw. */
export function inputErrorOf(parse: (text: string) => unknown, text: string): InputFileError {
  return errorOf(() => parse(text), InputFileError);
}
