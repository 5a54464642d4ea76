/**
 * Command-line parsing with Node's built-in `util.parseArgs` (zero dependencies, well kept):
 * each command declares its flags in a table that also feeds `--help`.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../errors.ts';
import type { CommandSpec } from './command-spec.ts';
import { assertNoRepeatedFlags } from './repeated-flags.ts';

export type ParsedFlags = Record<string, string | boolean | string[] | undefined>;

export interface ParsedArgs {
  flags: ParsedFlags;
  positionals: string[];
}

/** Parses argv for one command; unknown flags and extra arguments are usage errors. */
export function parseCommandArgs(spec: CommandSpec, argv: readonly string[]): ParsedArgs {
  const options: NonNullable<ParseArgsConfig['options']> = {};
  for (const flag of spec.flags) {
    options[flag.name] = {
      type: flag.type,
      ...(flag.multiple ? { multiple: true } : {}),
      ...(flag.short ? { short: flag.short } : {}),
    };
  }
  const args = expandShortEquals(spec, argv);
  let parsed;
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, allowNegative: true, strict: true });
  } catch (error) {
    throw new UsageError(`${describeParseError(error, spec, args)}; run "create-slim-python ${spec.name === 'create' ? '' : spec.name + ' '}--help" for the flags`);
  }
  if (parsed.positionals.length > spec.positionals) {
    const extra = parsed.positionals.slice(spec.positionals).join(' ');
    throw new UsageError(`unexpected argument ${JSON.stringify(extra)}; usage: ${spec.usage}`);
  }
  assertNoRepeatedFlags(spec, argv);
  return { flags: parsed.values as ParsedFlags, positionals: parsed.positionals };
}

/**
 * `-r=aiohttp` means `--requirement=aiohttp`: Node's parser would take "=aiohttp" as the value
 * (POSIX short options have no "="), a form users try because `--long=VALUE` works.
 */
function expandShortEquals(spec: CommandSpec, argv: readonly string[]): string[] {
  const byShort = new Map(spec.flags.filter((flag) => flag.short && flag.type === 'string').map((flag) => [flag.short!, flag.name]));
  const end = argv.indexOf('--');
  return argv.map((arg, index) => {
    const match = /^-([A-Za-z])=(.*)$/s.exec(arg);
    const long = match ? byShort.get(match[1]!) : undefined;
    return long !== undefined && (end === -1 || index < end) ? `--${long}=${match![2]}` : arg;
  });
}

/** Shows a value as the user would type it in a shell: quoted when it has spaces or quotes. */
function shellWord(value: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(value) ? value : JSON.stringify(value);
}

function describeParseError(error: unknown, spec: CommandSpec, args: readonly string[]): string {
  const message = error instanceof Error ? error.message : String(error);
  const ambiguous = /^Option '([^']+)' argument is ambiguous/.exec(message);
  if (ambiguous) {
    const typed = ambiguous[1]!;
    const flag = spec.flags.find((f) => `--${f.name}` === typed || `-${f.short}` === typed);
    const long = flag ? `--${flag.name}` : typed;
    const value = args[args.indexOf(typed) + 1] ?? '';
    // `--python --yes`: the value was forgotten, not meant to start with "-".
    const next = /^--?([A-Za-z][A-Za-z0-9-]*)/.exec(value)?.[1];
    const isFlag = next !== undefined && spec.flags.some((f) => f.name === next || f.name === next.replace(/^no-/, '') || f.short === next);
    if (isFlag) return `${long} needs a value (it is followed by the flag ${value})`;
    return `the value of ${typed} starts with "-": write it as ${long}=VALUE, here ${long}=${shellWord(value)}`;
  }
  const missing = /^Option '(-[^' ]+)[^']*' argument missing/.exec(message);
  if (missing) return `${missing[1]} needs a value`;
  // Node's messages are long and mention internals; keep the first sentence.
  return message
    .split(/\.\s/)[0]!
    .replace(/^Unknown option '([^']+)'.*/, 'unknown flag $1')
    .replace(/\.$/, '');
}

/** Renders --help for a command from its flag table. */
export function formatHelp(spec: CommandSpec, extra = ''): string {
  const rows = spec.flags.map((flag) => {
    const left = `  ${flag.short ? `-${flag.short}, ` : ''}--${flag.name}${flag.value ? ` ${flag.value}` : ''}`;
    const right = `${flag.help}${flag.default ? ` (default: ${flag.default})` : ''}`;
    return `${left.padEnd(34)}${right}`;
  });
  return [`Usage: ${spec.usage}`, '', spec.summary, '', 'Flags:', ...rows, extra].join('\n').trimEnd() + '\n';
}

/** Reads a string flag (last one wins when repeated by mistake). */
export function stringFlag(flags: ParsedFlags, name: string): string | undefined {
  const value = flags[name];
  return typeof value === 'string' ? value : undefined;
}

/** Reads a repeatable string flag. */
export function listFlag(flags: ParsedFlags, name: string): string[] {
  const value = flags[name];
  return Array.isArray(value) ? value : [];
}

/** Reads a boolean flag, undefined when absent. */
export function boolFlag(flags: ParsedFlags, name: string): boolean | undefined {
  const value = flags[name];
  return typeof value === 'boolean' ? value : undefined;
}
