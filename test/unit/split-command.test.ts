import { describe, expect, it } from 'vitest';
import { splitCommand } from '../../src/commands/init/split-command.ts';
import { formatExecForm } from '../../src/validate/argv.ts';

describe('--cmd splitting (no shell)', () => {
  it.each([
    ['gunicorn -b 0.0.0.0:8000 myservice.app:app', ['gunicorn', '-b', '0.0.0.0:8000', 'myservice.app:app']],
    ['  python   -m  app  ', ['python', '-m', 'app']],
    [`python -c 'print("hi")'`, ['python', '-c', 'print("hi")']],
    ['echo "two words" single\\ arg', ['echo', 'two words', 'single arg']],
    [`echo '$HOME' '*.py'`, ['echo', '$HOME', '*.py']],
    ['["gunicorn", "app:app", "--workers", "2"]', ['gunicorn', 'app:app', '--workers', '2']],
    ['gunicorn "myservice.app:create_app()"', ['gunicorn', 'myservice.app:create_app()']],
  ])('%s', (input, argv) => {
    expect(splitCommand(input)).toEqual(argv);
  });

  it.each([
    ['gunicorn app:app | tee log', /shell operator "\|"/],
    ['a && b', /shell operator "&&"/],
    ['a; b', /shell operator ";"/],
    ['app > out.log', /shell operator ">"/],
    ['python *.py', /wildcard "\*\.py"/],
    ['echo $HOME', /uses \$HOME, which needs a shell/],
    ['echo "$(id)"', /uses \$\(\.\.\.\)/],
    ['echo `id`', /command substitution/],
    ['PORT=1 gunicorn app:app', /variable assignment "PORT=1"/],
    ['~/bin/app', /starts with "~"/],
    ['app # comment', /"#" comment/],
    ['app\nrm -rf /', /NUL or a line break/],
    ['app\0x', /NUL or a line break/],
    ['', /is empty/],
    ['[]', /is empty/],
    ['["a", 1]', /JSON array of strings/],
    ['[not json', /not a JSON array/],
    ['["a\\nb"]', /control character/],
    ['[""]', /program name is empty/],
  ])('refuses %j', (input, message) => {
    expect(() => splitCommand(input)).toThrow(message);
  });

  it('formats the JSON exec form Docker parses, escaping what JSON escapes', () => {
    expect(formatExecForm(['python', '-c', 'print("a\\\\b")'])).toBe('["python", "-c", "print(\\"a\\\\\\\\b\\")"]');
    expect(JSON.parse(formatExecForm(['a b', '"q"', '\\']))).toEqual(['a b', '"q"', '\\']);
  });
});
