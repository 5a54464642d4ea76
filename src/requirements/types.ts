/** The target a project is built for: markers and wheel availability are evaluated against it. */
export interface Target {
  /** CPython minor version, e.g. "3.12". */
  python: string;
  arch: Arch;
  /** The interpreter's full version (`python_full_version`), e.g. "3.12.15"; default "X.Y.0". */
  full?: string;
}

export type Arch = 'x86_64' | 'aarch64';
export const ARCHES: readonly Arch[] = ['x86_64', 'aarch64'];

/** One requirement as pip reads it from a requirements file, a flag or pyproject.toml. */
export interface Requirement {
  /** File the requirement came from (as given, for messages), or "--requirement" for flags. */
  file: string;
  /** 1-based line where the requirement starts (first physical line of a continuation). */
  line: number;
  /** The requirement text as pip sees it (continuations joined, comment removed, vars expanded). */
  text: string;
  /** PEP 503 normalised project name; null for a path/URL requirement without a name. */
  name: string | null;
  /** Normalised extras, sorted. */
  extras: string[];
  /** One string per specifier clause, as written but without spaces, in source order. */
  specifiers: string[];
  /** The environment marker in packaging's normalised string form, or null. */
  marker: string | null;
  /** Direct URL reference or path, or null. */
  url: string | null;
  /** `-e` / `--editable`. */
  editable: boolean;
  /** Per-requirement options (`--hash=...`, `--config-settings`), as given. */
  options: string[];
}
