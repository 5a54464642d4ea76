/**
 * The option part of a requirements-file line (src/requirements/pip-options.ts), case by case.
 * Every expectation is what pip 26.0 itself does with the same line: its line parser
 * (pip._internal.req.req_file.get_line_parser, i.e. shlex.split + optparse with SUPPORTED_OPTIONS),
 * run on each line below with the venv of scripts/setup-python-venv.sh; error texts are pip's
 * (optparse's `error:` text without the program name), except the hint after a removed option, which
 * is ours. Each test imports a fresh module: the option table is module-level (static mutants).
 */
import { describe, expect, it, vi } from 'vitest';

async function fresh() {
  vi.resetModules();
  return import('../../src/requirements/pip-options.ts');
}

async function options(line: string) {
  return (await fresh()).parseLineParts(line);
}

async function failure(line: string): Promise<{ name: string; message: string }> {
  const { parseLineParts, OptionLineError } = await fresh();
  try {
    parseLineParts(line);
  } catch (error) {
    expect(error).toBeInstanceOf(OptionLineError);
    return { name: (error as Error).name, message: (error as Error).message };
  }
  throw new Error(`pip refuses ${line}, ours accepted it`);
}

describe('option lines pip accepts', () => {
  it('a requirement keeps its text before the first option; --hash is split off', async () => {
    expect(await options('pkg==1 --hash=sha256:abc')).toEqual({ args: 'pkg==1', options: [{ name: '--hash', value: 'sha256:abc' }] });
    expect(await options('pkg==1')).toEqual({ args: 'pkg==1', options: [] });
  });

  it('every long option of pip 26 by its own name, with canonical names in the result', async () => {
    expect(
      (
        await options(
          '--index-url=I --extra-index-url=E --no-index -c C -r R -e E2 --find-links=F --no-binary=N --only-binary=O --prefer-binary --require-hashes --no-require-hashes --pre --all-releases=A --only-final=Z --trusted-host=T --use-feature=fast-deps --config-settings=k=v',
        )
      ).options,
    ).toEqual([
      { name: '--index-url', value: 'I' },
      { name: '--extra-index-url', value: 'E' },
      { name: '--no-index', value: null },
      { name: '--constraint', value: 'C' },
      { name: '--requirement', value: 'R' },
      { name: '--editable', value: 'E2' },
      { name: '--find-links', value: 'F' },
      { name: '--no-binary', value: 'N' },
      { name: '--only-binary', value: 'O' },
      { name: '--prefer-binary', value: null },
      { name: '--require-hashes', value: null },
      { name: '--no-require-hashes', value: null },
      { name: '--pre', value: null },
      { name: '--all-releases', value: 'A' },
      { name: '--only-final', value: 'Z' },
      { name: '--trusted-host', value: 'T' },
      { name: '--use-feature', value: 'fast-deps' },
      { name: '--config-settings', value: 'k=v' },
    ]);
  });

  it('long names as separate words, and the other aliases', async () => {
    expect((await options('--constraint c.txt --requirement r.txt --editable ./e --pypi-url P --hash sha384:x --hash sha512:y --use-feature truststore')).options).toEqual([
      { name: '--constraint', value: 'c.txt' },
      { name: '--requirement', value: 'r.txt' },
      { name: '--editable', value: './e' },
      { name: '--index-url', value: 'P' },
      { name: '--hash', value: 'sha384:x' },
      { name: '--hash', value: 'sha512:y' },
      { name: '--use-feature', value: 'truststore' },
    ]);
    for (const feature of ['inprocess-build-deps', 'venv-isolation', 'no-binary-enable-wheel-cache', 'build-constraint']) {
      expect((await options(`--use-feature=${feature}`)).options).toEqual([{ name: '--use-feature', value: feature }]);
    }
  });

  it('short options take their value in the same word or the next one', async () => {
    expect((await options('-i http://a')).options).toEqual([{ name: '--index-url', value: 'http://a' }]);
    expect((await options('-ihttp://a')).options).toEqual([{ name: '--index-url', value: 'http://a' }]);
    expect((await options('-C k=v')).options).toEqual([{ name: '--config-settings', value: 'k=v' }]);
    expect((await options('-Ck=v')).options).toEqual([{ name: '--config-settings', value: 'k=v' }]);
    expect((await options('-f http://l -cc.txt -rr.txt -e.')).options).toEqual([
      { name: '--find-links', value: 'http://l' },
      { name: '--constraint', value: 'c.txt' },
      { name: '--requirement', value: 'r.txt' },
      { name: '--editable', value: '.' },
    ]);
  });

  it('unique prefixes of long options (optparse abbreviations)', async () => {
    expect((await options('--extra-index=http://a')).options).toEqual([{ name: '--extra-index-url', value: 'http://a' }]);
    expect((await options('--in=x')).options).toEqual([{ name: '--index-url', value: 'x' }]);
    expect((await options('--no-i')).options).toEqual([{ name: '--no-index', value: null }]);
  });

  it('`--` ends the options; a lone `-` and later words are positional and ignored', async () => {
    expect((await options('--pre -- --no-index')).options).toEqual([{ name: '--pre', value: null }]);
    expect((await options('--pre -')).options).toEqual([{ name: '--pre', value: null }]);
    expect((await options('--index-url a b')).options).toEqual([{ name: '--index-url', value: 'a' }]);
    expect((await options('--pre --pre')).options).toEqual([
      { name: '--pre', value: null },
      { name: '--pre', value: null },
    ]);
  });

  it('empty values', async () => {
    expect((await options('--index-url ""')).options).toEqual([{ name: '--index-url', value: '' }]);
    expect((await options('--index-url= --pre')).options).toEqual([
      { name: '--index-url', value: '' },
      { name: '--pre', value: null },
    ]);
  });
});

describe('option lines pip refuses, with its message', () => {
  it('unknown, ambiguous and removed options', async () => {
    expect(await failure('-x')).toEqual({ name: 'OptionLineError', message: 'no such option: -x' });
    expect((await failure('--nope')).message).toBe('no such option: --nope');
    expect((await failure('--no')).message).toBe('ambiguous option: --no (--no-binary, --no-index, --no-require-hashes?)');
    expect((await failure('--global-option=x')).message).toBe('no such option: --global-option (pip 26 no longer accepts it; pass build settings with --config-settings)');
    expect((await failure('--install-option=x')).message).toBe('no such option: --install-option (pip 26 no longer accepts it; pass build settings with --config-settings)');
    expect((await failure('--build-option=x')).message).toBe(
      'no such option: --build-option (pip 26 no longer accepts it on requirement lines; pass build settings with --config-settings)',
    );
  });

  it('flags take no value; the others need one', async () => {
    expect((await failure('--pre=1')).message).toBe('--pre option does not take a value');
    expect((await failure('--no-index=1')).message).toBe('--no-index option does not take a value');
    expect((await failure('--hash')).message).toBe('--hash option requires 1 argument');
    expect((await failure('-r')).message).toBe('-r option requires 1 argument');
    expect((await failure('-e')).message).toBe('-e option requires 1 argument');
    expect((await failure('-i')).message).toBe('-i option requires 1 argument');
  });

  it("pip's checks of the values", async () => {
    expect((await failure('--hash=md5:x')).message).toBe('Allowed hash algorithms for --hash are sha256, sha384, sha512.');
    expect((await failure('--hash=abc')).message).toBe('Arguments to --hash must be a hash name followed by a value, like --hash=sha256:abcde...');
    expect((await failure('--use-feature=nope')).message).toBe(
      "option --use-feature: invalid choice: 'nope' (choose from 'fast-deps', 'inprocess-build-deps', 'venv-isolation', 'truststore', 'no-binary-enable-wheel-cache', 'build-constraint')",
    );
    expect((await failure('--config-settings=x')).message).toBe('Arguments to --config-settings must be of the form KEY=VAL');
    expect((await failure('-C x')).message).toBe('Arguments to -C must be of the form KEY=VAL');
    expect((await failure('--no-binary --pre')).message).toBe('--no-binary / --only-binary option requires 1 argument.');
    expect((await failure('--only-binary=-x')).message).toBe('--no-binary / --only-binary option requires 1 argument.');
    expect((await failure('--no-binary=:all: --only-final=-x')).message).toBe('--all-releases / --only-final option requires 1 argument.');
    expect((await failure('--all-releases -x')).message).toBe('--all-releases / --only-final option requires 1 argument.');
  });
});

describe("splitShellWords: Python's shlex.split in POSIX mode", () => {
  it('quotes and backslashes as pip sees them', async () => {
    expect((await options('--index-url "a b"')).options).toEqual([{ name: '--index-url', value: 'a b' }]);
    // In double quotes a backslash escapes only `"` and `\`; elsewhere it stays.
    expect((await options('--index-url "a\\"b\\\\c\\$d"')).options).toEqual([{ name: '--index-url', value: 'a"b\\c\\$d' }]);
    expect((await options('--index-url a\\ b')).options).toEqual([{ name: '--index-url', value: 'a b' }]);
    expect((await options("--index-url 'a\\b'")).options).toEqual([{ name: '--index-url', value: 'a\\b' }]);
    expect((await options('--index-url\ta')).options).toEqual([{ name: '--index-url', value: 'a' }]);
  });

  it('words, empty words and whitespace', async () => {
    const { splitShellWords } = await fresh();
    expect(splitShellWords('')).toEqual([]);
    expect(splitShellWords('   ')).toEqual([]);
    expect(splitShellWords('a')).toEqual(['a']);
    expect(splitShellWords(' a  b\t\tc\r\nd ')).toEqual(['a', 'b', 'c', 'd']);
    expect(splitShellWords('""')).toEqual(['']);
    expect(splitShellWords("'' x")).toEqual(['', 'x']);
    expect(splitShellWords('a"b c"d')).toEqual(['ab cd']);
    expect(splitShellWords('\\a\\ b')).toEqual(['a b']);
    expect(splitShellWords('"x\\y"')).toEqual(['x\\y']);
    expect(splitShellWords("'\"'")).toEqual(['"']);
    expect(splitShellWords('"\'"')).toEqual(["'"]);
  });

  it('unbalanced quotes and a trailing backslash cannot be split', async () => {
    expect((await failure('--index-url "ab')).message).toBe('Could not split options: --index-url "ab');
    expect((await failure('--index-url ab\\')).message).toBe('Could not split options: --index-url ab\\');
    expect((await failure('--index-url "ab\\')).message).toBe('Could not split options: --index-url "ab\\');
    expect((await failure("--index-url 'ab")).message).toBe("Could not split options: --index-url 'ab");
  });
});
