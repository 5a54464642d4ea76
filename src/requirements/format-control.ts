/**
 * pip's `--no-binary` / `--only-binary` (pip 26, pip/_internal/models/format_control.py): which
 * distribution formats pip may use per project. In a requirements file they are global option
 * lines (pip ignores them on a requirement's own line), applied in file order, includes included.
 * Pure.
 */
import { normalizeName } from './normalize.ts';

/** Where an option came from, for messages. */
export interface OptionOrigin {
  option: '--no-binary' | '--only-binary';
  file: string;
  line: number;
}

export interface FormatControl {
  /** Normalised names, or ":all:". */
  noBinary: Map<string, OptionOrigin>;
  onlyBinary: Map<string, OptionOrigin>;
}

export interface AllowedFormats {
  binary: boolean;
  source: boolean;
  /** The option that removed a format, or null when both are allowed. */
  because: OptionOrigin | null;
}

/** A format control with nothing set (pip's default: wheels preferred, sdists allowed). */
export function emptyFormatControl(): FormatControl {
  return { noBinary: new Map(), onlyBinary: new Map() };
}

/** Applies option lines in order, as pip's optparse callbacks do. */
export function formatControlOf(options: readonly { name: string; value: string | null; file: string; line: number }[]): FormatControl {
  const control = emptyFormatControl();
  for (const option of options) {
    if (option.value === null) continue;
    if (option.name === '--no-binary') handleMutualExcludes(option.value, control.noBinary, control.onlyBinary, { option: '--no-binary', file: option.file, line: option.line });
    if (option.name === '--only-binary')
      handleMutualExcludes(option.value, control.onlyBinary, control.noBinary, { option: '--only-binary', file: option.file, line: option.line });
  }
  return control;
}

// FormatControl.handle_mutual_excludes: ":all:" resets both sets, ":none:" clears the target,
// a name moves from the other set to the target.
function handleMutualExcludes(value: string, target: Map<string, OptionOrigin>, other: Map<string, OptionOrigin>, origin: OptionOrigin): void {
  let names = value.split(',');
  while (names.includes(':all:')) {
    other.clear();
    target.clear();
    target.set(':all:', origin);
    names = names.slice(names.indexOf(':all:') + 1);
    if (!names.includes(':none:')) return;
  }
  for (const name of names) {
    if (name === ':none:') {
      target.clear();
      continue;
    }
    const normalized = normalizeName(name);
    other.delete(normalized);
    target.set(normalized, origin);
  }
}

/** FormatControl.get_allowed_formats: a project's own entry wins over ":all:", only-binary over no-binary. */
export function allowedFormats(control: FormatControl, name: string): AllowedFormats {
  const only = control.onlyBinary.get(name);
  if (only) return { binary: true, source: false, because: only };
  const no = control.noBinary.get(name);
  if (no) return { binary: false, source: true, because: no };
  const onlyAll = control.onlyBinary.get(':all:');
  if (onlyAll) return { binary: true, source: false, because: onlyAll };
  const noAll = control.noBinary.get(':all:');
  if (noAll) return { binary: false, source: true, because: noAll };
  return { binary: true, source: true, because: null };
}

/** "--no-binary (requirements.txt:3)" */
export function describeOrigin(origin: OptionOrigin): string {
  return `${origin.option} (${origin.file}:${origin.line})`;
}
