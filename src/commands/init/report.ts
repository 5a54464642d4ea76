/** What init prints: what it detected and why, each file it writes, and the next steps; or --json. */
import type { ProjectConfig } from '../../project/config.ts';
import type { Decisions } from '../../knowledge/decisions.ts';
import { resolveApkList } from '../../plan/apk-sets.ts';
import type { InitPlannedFile } from '../../plan/init-files.ts';
import { formatExecForm } from '../../validate/argv.ts';
import { findRuntime } from '../../target/runtimes.ts';

export interface InitReport {
  config: ProjectConfig;
  files: readonly InitPlannedFile[];
  dryRun: boolean;
  dir: string;
  shownDir: string;
  detected: readonly string[];
  notes: readonly string[];
  decisions: Decisions;
}

function nextSteps({ config, shownDir }: InitReport): string[] {
  const run = config.port !== null ? `docker run --rm -p ${config.port}:${config.port} ${config.name}` : `docker run --rm ${config.name}`;
  return [...(shownDir === '.' ? [] : [`cd ${shownDir}`]), `docker build -t ${config.name} .`, run];
}

/** A stable JSON summary for --json. */
export function initJsonSummary(report: InitReport): object {
  const { config, decisions } = report;
  return {
    command: 'init',
    dryRun: report.dryRun,
    dir: report.dir,
    name: config.name,
    python: config.python,
    image: findRuntime(config.python)?.image ?? null,
    requirements: config.requirements,
    code: config.code,
    cmd: config.cmd,
    port: config.port,
    health: config.health ?? null,
    detected: report.detected,
    notes: report.notes,
    files: report.files.map((file) => ({ path: file.path, action: file.action, backup: file.backup })),
    packages: decisions.packages.map((item) => ({ name: item.name, status: item.status, why: item.why })),
    apk: {
      build: resolveApkList(decisions.apk.build, config.buildDeps, 'compiling').map((line) => line.name),
      runtime: resolveApkList(decisions.apk.runtime, config.runtimeLibs, 'loaded by').map((line) => line.name),
    },
    warnings: decisions.warnings,
    next: nextSteps(report),
  };
}

/** The human-readable report. */
export function formatInitReport(report: InitReport): string {
  const { config, decisions } = report;
  const lines: string[] = [];
  lines.push(report.dryRun ? `Would set up ${config.name} in ${report.shownDir} (dry run: nothing written)` : `Set up ${config.name} in ${report.shownDir}`);
  lines.push(`  ${findRuntime(config.python)?.label ?? config.python}`);
  lines.push(`  CMD ${formatExecForm(config.cmd ?? [])}${config.port !== null ? `, port ${config.port}` : ''}${config.health ? `, HEALTHCHECK ${config.health}` : ''}`);
  if (report.detected.length > 0) {
    lines.push('', 'Detected:');
    for (const line of report.detected) lines.push(`  ${line}`);
  }
  for (const note of report.notes) lines.push(`  note: ${note}`);
  lines.push('');
  for (const file of report.files) {
    lines.push(`  ${file.action === 'replace' ? 'replace' : 'create '}   ${file.path}${file.backup ? ` (yours kept as ${file.backup})` : ''}`);
  }
  lines.push('  (no other file is created, changed or deleted)', '');
  if (decisions.packages.length > 0) {
    lines.push('Requirements on Alpine:');
    for (const item of decisions.packages) lines.push(`  ${item.name.padEnd(24)} ${item.status.padEnd(8)} ${item.why}`);
  }
  const build = resolveApkList(decisions.apk.build, config.buildDeps, 'compiling');
  lines.push(build.length === 0 ? 'Build stage: no compiler needed (every requirement installs from a wheel)' : `Build stage packages: ${build.map((l) => l.name).join(', ')}`);
  lines.push('');
  lines.push(report.dryRun ? 'Next steps (after a real run):' : 'Next steps:');
  for (const step of nextSteps(report)) lines.push(`  ${step}`);
  lines.push('  npx create-slim-python update   # after changing dependencies or settings');
  return `${lines.join('\n')}\n`;
}
