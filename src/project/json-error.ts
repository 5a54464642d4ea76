/** One-line messages for a config file that is not valid JSON. */
import { InputFileError } from '../errors.ts';

/**
 * V8's JSON.parse message as one line, with the line and column where it stopped: V8 names a
 * character position ("at position 17") or quotes the text itself, newlines included, which
 * would cut a one-line error in two.
 */
export function describeJsonError(text: string, message: string, file: string): InputFileError {
  const position = /at position (\d+)/.exec(message);
  let problem = message.replace(/ in JSON at position \d+.*$/s, '').replace(/, ".*" is not valid JSON$/s, '');
  // eslint-disable-next-line no-control-regex
  problem = problem.replace(/[\x00-\x1f\x7f\ufeff]+/g, ' ').trim();
  const advice = 'fix it or regenerate the project';
  if (!position) return new InputFileError(file, null, `not valid JSON (${problem}); ${advice}`);
  const before = text.slice(0, Number(position[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return new InputFileError(file, null, `not valid JSON at line ${line}, column ${column} (${problem}); ${advice}`);
}
