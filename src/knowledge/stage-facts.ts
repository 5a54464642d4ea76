/**
 * Sourced facts about what an image stage contains: the apk packages of each base image
 * (docker-library/repo-info) and what each Alpine package provides (commands, headers, sonames;
 * aports APKBUILDs and the Alpine apk database). Data in stages/*.json; this module only reads it.
 * The generator uses it to leave out of the runtime list what the release base already has; the
 * stage-model test uses all of it.
 */
import type { Arch } from '../requirements/types.ts';
import { loadKnowledgeSources } from './sources.ts';

/** A base image: its own packages plus those of the image it is built FROM. */
export interface BaseImage {
  from: string | null;
  packages: string[];
  /** Files outside any apk package, by folder (the python images build CPython into /usr/local). */
  paths?: Record<string, Provides>;
  source: string;
}

/** What an Alpine package (or a folder of files) puts into a stage. `{arch}` stands for the apk arch. */
export interface Provides {
  commands?: string[];
  headers?: string[];
  sonames?: string[];
  /** Python modules runnable with `python3 -m NAME` (pip, venv). */
  pythonModules?: string[];
  /** A compiler (gcc, g++, rustc): the release stage must have none. */
  compiler?: boolean;
  /**
   * fontconfig: fonts are looked up through a cache, which the release stage builds as root
   * (`fc-cache -f`) and which needs a writable folder for the non-root user (HOME=/ for uid 10001).
   */
  fontCache?: boolean;
}

/** A shell: its builtins (commands that need no file). */
export interface ShellFacts {
  builtins: string[];
  source: string;
}

export interface AlpinePackage extends Provides {
  /**
   * Library names the dynamic loader resolves to this package without any file (musl: `libc.*`,
   * `libm.*`, ...), as shell glob patterns (only a trailing `*`).
   */
  loaderNames?: string[];
  /** Packages apk installs with it (the ones that matter for what a stage contains). */
  depends?: string[];
  source: string;
}

export interface StageFacts {
  images: Record<string, BaseImage>;
  packages: Record<string, AlpinePackage>;
  shells: Record<string, ShellFacts>;
}

let cached: StageFacts | undefined;

/** The stage facts, merged from every stages/*.json file. */
export function loadStageFacts(): StageFacts {
  if (cached) return cached;
  const facts: StageFacts = { images: {}, packages: {}, shells: {} };
  for (const [file, text] of Object.entries(loadKnowledgeSources('stages'))) {
    const data = JSON.parse(text) as { version: number } & Partial<StageFacts>;
    if (data.version !== 1) throw new Error(`stage facts ${file}: unsupported version ${String(data.version)}`);
    Object.assign(facts.images, data.images ?? {});
    Object.assign(facts.packages, data.packages ?? {});
    Object.assign(facts.shells, data.shells ?? {});
  }
  cached = facts;
  return cached;
}

/** Every apk package of a base image, with the packages they pull in, sorted. */
export function imagePackages(image: string, facts: StageFacts = loadStageFacts()): string[] {
  const base = facts.images[image];
  if (!base) throw new Error(`no stage facts for image ${image} (add it to src/knowledge/stages/base-images.json)`);
  const names = new Set(base.from === null ? [] : imagePackages(base.from, facts));
  for (const name of withDependencies(base.packages, facts)) names.add(name);
  return [...names].sort();
}

/** Packages with everything their `depends` pull in (as far as the facts know), sorted. */
export function withDependencies(names: Iterable<string>, facts: StageFacts = loadStageFacts()): string[] {
  const seen = new Set<string>();
  const queue = [...names];
  while (queue.length > 0) {
    const name = queue.shift()!;
    if (seen.has(name)) continue;
    seen.add(name);
    queue.push(...(facts.packages[name]?.depends ?? []));
  }
  return [...seen].sort();
}

/**
 * Shell `case` patterns for every library name an image's packages satisfy: the loader's own
 * names first (globs), then each soname no glob already covers; for the given architectures.
 */
export function imageLibraryPatterns(image: string, arches: readonly Arch[], facts: StageFacts = loadStageFacts()): string[] {
  const globs = new Set<string>();
  for (const name of imagePackages(image, facts)) for (const glob of facts.packages[name]?.loaderNames ?? []) globs.add(glob);
  const sorted = [...globs].sort();
  return [...sorted, ...imageSonames(image, arches, facts).filter((soname) => !sorted.some((glob) => matchesGlob(soname, glob)))];
}

/** True when a library name matches one of the patterns imageLibraryPatterns returns. */
export function matchesGlob(name: string, pattern: string): boolean {
  return pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern;
}

/** True when any of the packages (or what they pull in) keeps a font cache (fontconfig). */
export function needsFontCache(names: Iterable<string>, facts: StageFacts = loadStageFacts()): boolean {
  return withDependencies(names, facts).some((name) => facts.packages[name]?.fontCache === true);
}

/** The sonames an image's own packages provide, for the given architectures, sorted. */
export function imageSonames(image: string, arches: readonly Arch[], facts: StageFacts = loadStageFacts()): string[] {
  const sonames = new Set<string>();
  for (const name of imagePackages(image, facts)) {
    for (const soname of facts.packages[name]?.sonames ?? []) {
      for (const arch of arches) sonames.add(soname.replaceAll('{arch}', arch));
    }
  }
  return [...sonames].sort();
}
