/**
 * The size report of `explain --online --size`: the release image's base from BASE_SIZES, the
 * measured venv, each distribution's share, and the total. Pure: formatting only.
 */
import { BASE_SIZES, baseBytes } from './base-sizes.ts';
import type { VenvMeasure } from './measure-venv.ts';

export interface SizeReport {
  /** Bytes before the venv (alpine, packages, interpreter); null when not sourced for the runtime. */
  base: number | null;
  venv: number;
  /** base + venv; null when the base is unknown. */
  total: number | null;
  /** Bytes per distribution, largest first (JSON keeps insertion order). */
  packages: Record<string, number>;
  bytecode: boolean;
  source: string | null;
  notes: string[];
}

/** Combines the base table and a venv measure. */
export function buildSizeReport(runtimeId: string, bytecode: boolean, measure: VenvMeasure): SizeReport {
  const base = baseBytes(runtimeId, bytecode);
  const sorted = Object.entries(measure.packages).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const notes = [...measure.notes];
  if (base === null) notes.push(`no sourced base size for --python ${runtimeId}: only the venv is shown`);
  return {
    base,
    venv: measure.venv,
    total: base === null ? null : base + measure.venv,
    packages: Object.fromEntries(sorted),
    bytecode,
    source: BASE_SIZES[runtimeId]?.source ?? null,
    notes,
  };
}

/** Megabytes with one decimal (10^6 bytes, as `docker image ls` counts). */
export function formatMegabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

/** Text for the terminal: totals, then one bar per distribution, largest first. */
export function formatSizeReport(report: SizeReport, width = 30): string {
  const lines = [`Release image size (before building; bytecode ${report.bytecode ? 'on' : 'off: --no-bytecode'}):`];
  lines.push(`  base   ${pad(report.base === null ? 'unknown' : formatMegabytes(report.base))}  alpine:3.24, its packages and the interpreter`);
  lines.push(`  venv   ${pad(formatMegabytes(report.venv))}  measured from the real wheels`);
  lines.push(`  total  ${pad(report.total === null ? 'unknown' : formatMegabytes(report.total))}`);
  const entries = Object.entries(report.packages);
  if (entries.length > 0) {
    const largest = entries[0]![1];
    const nameWidth = Math.max(...entries.map(([name]) => name.length));
    lines.push('', 'Venv by package:');
    for (const [name, bytes] of entries) {
      const bar = '█'.repeat(Math.max(1, Math.round((bytes / Math.max(largest, 1)) * width)));
      lines.push(`  ${name.padEnd(nameWidth)}  ${pad(formatMegabytes(bytes))}  ${bar}`);
    }
  }
  if (report.source) lines.push('', `Base: ${report.source}.`);
  for (const note of report.notes) lines.push(`note: ${note}`);
  return `${lines.join('\n')}\n`;
}

function pad(text: string): string {
  return text.padStart(9);
}
