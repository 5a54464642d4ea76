/** The flag table of a command: one table feeds parsing and --help. */

export interface FlagSpec {
  name: string;
  type: 'string' | 'boolean';
  multiple?: boolean;
  short?: string;
  /** Shown in --help, e.g. "X.Y". */
  value?: string;
  help: string;
  /** Default shown in --help (documentation only; defaults are resolved by the command). */
  default?: string;
}

export interface CommandSpec {
  name: string;
  usage: string;
  summary: string;
  flags: readonly FlagSpec[];
  /** Maximum number of positional arguments. */
  positionals: number;
}
