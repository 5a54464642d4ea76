/**
 * The option part of a requirements-file line, split and parsed as pip 26 does: `shlex.split`
 * (POSIX mode) and then optparse with pip's table of supported options, including optparse's
 * unique-prefix abbreviations (`--extra-index` means `--extra-index-url`).
 * Sources: pip/_internal/req/req_file.py (SUPPORTED_OPTIONS, build_parser), pip/_internal/cli/cmdoptions.py,
 * and CPython's Lib/optparse.py and Lib/shlex.py.
 */

/** One option pip would accept on a requirements-file line. */
interface OptionSpec {
  /** Canonical long name, used in our output. */
  name: string;
  aliases: readonly string[];
  takesValue: boolean;
  /** pip's check of the value; returns an error message or null. */
  check?: (value: string, given: string) => string | null;
}

const STRONG_HASHES = ['sha256', 'sha384', 'sha512'];
// --use-feature choices in pip 26.x (cmdoptions.use_new_feature, incl. ALWAYS_ENABLED_FEATURES).
const FEATURES = ['fast-deps', 'inprocess-build-deps', 'venv-isolation', 'truststore', 'no-binary-enable-wheel-cache', 'build-constraint'];

const checkPackageList = (message: string) => (value: string) => (value.startsWith('-') ? message : null);
const checkBinary = checkPackageList('--no-binary / --only-binary option requires 1 argument.');
const checkRelease = checkPackageList('--all-releases / --only-final option requires 1 argument.');

// pip 26 removed --global-option/--install-option, so they are unknown options like any other.
const OPTION_SPECS: readonly OptionSpec[] = [
  { name: '--index-url', aliases: ['-i', '--index-url', '--pypi-url'], takesValue: true },
  { name: '--extra-index-url', aliases: ['--extra-index-url'], takesValue: true },
  { name: '--no-index', aliases: ['--no-index'], takesValue: false },
  { name: '--constraint', aliases: ['-c', '--constraint'], takesValue: true },
  { name: '--requirement', aliases: ['-r', '--requirement'], takesValue: true },
  { name: '--editable', aliases: ['-e', '--editable'], takesValue: true },
  { name: '--find-links', aliases: ['-f', '--find-links'], takesValue: true },
  { name: '--no-binary', aliases: ['--no-binary'], takesValue: true, check: checkBinary },
  { name: '--only-binary', aliases: ['--only-binary'], takesValue: true, check: checkBinary },
  { name: '--prefer-binary', aliases: ['--prefer-binary'], takesValue: false },
  { name: '--require-hashes', aliases: ['--require-hashes'], takesValue: false },
  { name: '--no-require-hashes', aliases: ['--no-require-hashes'], takesValue: false },
  { name: '--pre', aliases: ['--pre'], takesValue: false },
  { name: '--all-releases', aliases: ['--all-releases'], takesValue: true, check: checkRelease },
  { name: '--only-final', aliases: ['--only-final'], takesValue: true, check: checkRelease },
  { name: '--trusted-host', aliases: ['--trusted-host'], takesValue: true },
  {
    name: '--use-feature',
    aliases: ['--use-feature'],
    takesValue: true,
    check: (value, given) => (FEATURES.includes(value) ? null : `option ${given}: invalid choice: '${value}' (choose from ${FEATURES.map((f) => `'${f}'`).join(', ')})`),
  },
  {
    name: '--hash',
    aliases: ['--hash'],
    takesValue: true,
    check: (value, given) => {
      if (!value.includes(':')) return `Arguments to ${given} must be a hash name followed by a value, like --hash=sha256:abcde...`;
      return STRONG_HASHES.includes(value.slice(0, value.indexOf(':'))) ? null : `Allowed hash algorithms for ${given} are ${STRONG_HASHES.join(', ')}.`;
    },
  },
  {
    name: '--config-settings',
    aliases: ['-C', '--config-settings'],
    takesValue: true,
    check: (value, given) => (value.includes('=') ? null : `Arguments to ${given} must be of the form KEY=VAL`),
  },
];

// Options older pip versions took on requirement lines; pip 26 rejects them, so say what to do instead.
const REMOVED_OPTIONS: Record<string, string> = {
  '--global-option': 'pip 26 no longer accepts it; pass build settings with --config-settings',
  '--install-option': 'pip 26 no longer accepts it; pass build settings with --config-settings',
  '--build-option': 'pip 26 no longer accepts it on requirement lines; pass build settings with --config-settings',
};

const BY_ALIAS = new Map(OPTION_SPECS.flatMap((spec) => spec.aliases.map((alias) => [alias, spec] as const)));
const LONG_ALIASES = [...BY_ALIAS.keys()].filter((alias) => alias.startsWith('--')).sort();

/** An option as parsed: canonical long name and its value (null for flags). */
export interface ParsedOption {
  name: string;
  value: string | null;
}

/** A line's parse: the requirement part and the options, in order. */
export interface ParsedLineParts {
  args: string;
  options: ParsedOption[];
}

/** Thrown for an option part pip would refuse; the message is pip's. */
export class OptionLineError extends Error {
  override name = 'OptionLineError';
}

/** Splits a line into requirement and options at the first space-separated token starting with `-`. */
export function parseLineParts(line: string): ParsedLineParts {
  const tokens = line.split(' ');
  const first = tokens.findIndex((token) => token.startsWith('-'));
  const cut = first === -1 ? tokens.length : first;
  const optionText = tokens.slice(cut).join(' ');
  return { args: tokens.slice(0, cut).join(' '), options: parseOptions(splitShellWords(optionText)) };
}

function parseOptions(words: string[]): ParsedOption[] {
  const options: ParsedOption[] = [];
  const rest = [...words];
  while (rest.length > 0) {
    const word = rest.shift()!;
    if (word === '--') break; // optparse: everything after `--` is positional (and pip ignores positionals)
    if (word.startsWith('--')) {
      const equals = word.indexOf('=');
      if (equals !== -1) rest.unshift(word.slice(equals + 1));
      const given = matchLongOption(equals === -1 ? word : word.slice(0, equals));
      const spec = BY_ALIAS.get(given)!;
      if (!spec.takesValue && equals !== -1) throw new OptionLineError(`${given} option does not take a value`);
      options.push(takeValue(spec, given, rest));
    } else if (word.startsWith('-') && word.length > 1) {
      // Every short option takes a value: `-rfile` or `-r file`.
      const given = word.slice(0, 2);
      const spec = BY_ALIAS.get(given);
      if (!spec) throw new OptionLineError(`no such option: ${given}`);
      if (word.length > 2) rest.unshift(word.slice(2));
      options.push(takeValue(spec, given, rest));
    }
  }
  return options;
}

function takeValue(spec: OptionSpec, given: string, rest: string[]): ParsedOption {
  if (!spec.takesValue) return { name: spec.name, value: null };
  const value = rest.shift();
  if (value === undefined) throw new OptionLineError(`${given} option requires 1 argument`);
  const problem = spec.check?.(value, given);
  if (problem) throw new OptionLineError(problem);
  return { name: spec.name, value };
}

// optparse's _match_abbrev: an exact name, else the only long option the text is a prefix of.
function matchLongOption(text: string): string {
  if (BY_ALIAS.has(text)) return text;
  const candidates = LONG_ALIASES.filter((alias) => alias.startsWith(text));
  if (candidates.length === 1) return candidates[0]!;
  if (candidates.length === 0) {
    const hint = Object.hasOwn(REMOVED_OPTIONS, text) ? REMOVED_OPTIONS[text] : undefined;
    throw new OptionLineError(`no such option: ${text}${hint ? ` (${hint})` : ''}`);
  }
  throw new OptionLineError(`ambiguous option: ${text} (${candidates.join(', ')}?)`);
}

const SHELL_SPACE = ' \t\r\n';

/** Python's `shlex.split` (POSIX mode, no comments); throws OptionLineError like pip on bad quoting. */
export function splitShellWords(text: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: string | null = null;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (quote !== null) {
      if (char === quote) quote = null;
      else if (char === '\\' && quote === '"') {
        const next = text[++index];
        if (next === undefined) throw new OptionLineError(`Could not split options: ${text}`);
        word += next === '"' || next === '\\' ? next : `\\${next}`;
      } else word += char;
    } else if (SHELL_SPACE.includes(char)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else if (char === '\\') {
      const next = text[++index];
      if (next === undefined) throw new OptionLineError(`Could not split options: ${text}`);
      word += next;
      inWord = true;
    } else if (char === '"' || char === "'") {
      quote = char;
      inWord = true;
    } else {
      word += char;
      inWord = true;
    }
  }
  if (quote !== null) throw new OptionLineError(`Could not split options: ${text}`);
  if (inWord) words.push(word);
  return words;
}
