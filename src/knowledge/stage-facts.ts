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
  /** Files outside any apk package (the official python images build CPython into /usr/local). */
  extra?: Provides;
  source: string;
}

/** What an Alpine package puts into a stage. `{arch}` in a soname stands for the apk arch. */
export interface Provides {
  commands?: string[];
  headers?: string[];
  sonames?: string[];
}

export interface AlpinePackage extends Provides {
  /** Packages apk installs with it (the ones that matter for what a stage contains). */
  depends?: string[];
  source: string;
}

export interface StageFacts {
  images: Record<string, BaseImage>;
  packages: Record<string, AlpinePackage>;
}

let cached: StageFacts | undefined;

/** The stage facts, merged from every stages/*.json file. */
export function loadStageFacts(): StageFacts {
  if (cached) return cached;
  const facts: StageFacts = { images: {}, packages: {} };
  for (const [file, text] of Object.entries(loadKnowledgeSources('stages'))) {
    const data = JSON.parse(text) as { version: number; images?: StageFacts['images']; packages?: StageFacts['packages'] };
    if (data.version !== 1) throw new Error(`stage facts ${file}: unsupported version ${String(data.version)}`);
    Object.assign(facts.images, data.images ?? {});
    Object.assign(facts.packages, data.packages ?? {});
  }
  cached = facts;
  return cached;
}

/** Every apk package of a base image, with the packages they pull in, sorted. */
export function imagePackages(image: string, facts: StageFacts = loadStageFacts()): string[] {
  const base = facts.images[image];
  if (!base) throw new Error(`no stage facts for image ${image}`);
  const names = new Set(base.from === null ? [] : imagePackages(base.from, facts));
  for (const name of base.packages) names.add(name);
  return [...names].sort();
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
