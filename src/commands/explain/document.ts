/** The explain document: the stable JSON shape (documented in the README) and its text rendering. */
import type { Decisions } from '../../knowledge/decisions.ts';
import type { Requirement } from '../../requirements/types.ts';

export interface ExplainDocument {
  python: string;
  /** The architectures judged: a project compiles a requirement when any of them lacks a wheel. */
  arches: string[];
  requirements: {
    file: string;
    line: number;
    name: string | null;
    extras: string[];
    specifiers: string[];
    marker: string | null;
    applies: boolean;
    url: string | null;
  }[];
  /** `note`: the knowledge base's remark on building a project that compiles (absent otherwise). */
  packages: { name: string; status: string; why: string; build: string[]; runtime: string[]; sources: string[]; note?: string }[];
  apk: { build: string[]; runtime: string[] };
  warnings: string[];
}

/** Builds the document from parsed requirements, which of them apply, and the decisions. */
export function buildExplainDocument(
  target: { python: string; arches: readonly string[] },
  requirements: readonly Requirement[],
  applies: (requirement: Requirement) => boolean,
  decisions: Decisions,
  extraWarnings: readonly string[] = [],
): ExplainDocument {
  return {
    python: target.python,
    arches: [...target.arches].sort(),
    requirements: requirements.map((requirement) => ({
      file: requirement.file,
      line: requirement.line,
      name: requirement.name,
      extras: [...requirement.extras].sort(),
      specifiers: requirement.specifiers,
      marker: requirement.marker,
      applies: applies(requirement),
      url: requirement.url,
    })),
    packages: decisions.packages.map((item) => ({
      name: item.name,
      status: item.status,
      why: item.via ? `${item.why} (required by ${item.via})` : item.why,
      build: [...item.build].sort(),
      runtime: [...item.runtime].sort(),
      sources: [...item.sources].sort(),
      ...(item.note ? { note: item.note } : {}),
    })),
    apk: { build: decisions.apk.build.map((item) => item.name), runtime: decisions.apk.runtime.map((item) => item.name) },
    warnings: [...decisions.warnings, ...extraWarnings],
  };
}

/** Renders the document as a table for people. */
export function formatExplain(document: ExplainDocument): string {
  const lines = [`Requirements for CPython ${document.python} on ${document.arches.join(' and ')} (Alpine, musllinux):`, ''];
  const rows = document.requirements.map((item) => [
    `${item.file}:${item.line}`,
    `${item.name ?? item.url ?? '?'}${item.extras.length ? `[${item.extras.join(',')}]` : ''}${item.specifiers.join(',')}`,
    item.applies ? '' : `skipped: marker ${item.marker} is false here`,
  ]);
  const width = Math.max(8, ...rows.map((row) => row[0]!.length));
  const width2 = Math.max(12, ...rows.map((row) => row[1]!.length));
  for (const row of rows) lines.push(`  ${row[0]!.padEnd(width)}  ${row[1]!.padEnd(width2)}  ${row[2]}`.trimEnd());
  lines.push('', 'Projects (requirements and the native projects they pull in):');
  for (const item of document.packages) {
    const needs = [...item.build.map((name) => `${name} (build)`), ...item.runtime.map((name) => `${name} (runtime)`)];
    lines.push(`  ${item.name.padEnd(24)} ${item.status.padEnd(8)} ${item.why}`);
    if (needs.length > 0) lines.push(`  ${''.padEnd(24)} ${''.padEnd(8)} needs ${needs.join(', ')}`);
    if (item.note) lines.push(`  ${''.padEnd(24)} ${''.padEnd(8)} note: ${item.note}`);
  }
  lines.push('');
  lines.push(`Build stage apk: ${document.apk.build.length ? document.apk.build.join(' ') : 'none (no compiler needed)'}`);
  lines.push(
    `Release stage apk: ${document.apk.runtime.length ? `${document.apk.runtime.join(' ')} (plus ca-certificates, tzdata and what scanelf finds)` : 'ca-certificates, tzdata and what scanelf finds'}`,
  );
  for (const warning of document.warnings) lines.push(`warning: ${warning}`);
  return `${lines.join('\n')}\n`;
}
