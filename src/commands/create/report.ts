/** What create prints: for people (files, decisions, next steps) and for scripts (--json). */
import type { ProjectConfig } from '../../project/config.ts';
import type { TargetCheck } from './check-target.ts';
import type { Decisions } from '../../knowledge/decisions.ts';
import { resolveApkList } from '../../plan/apk-sets.ts';
import { releasePackagesFor } from '../../plan/release-stage.ts';
import type { PlannedFile } from '../../plan/project-files.ts';
import { findRuntime } from '../../target/runtimes.ts';
import { appKindSpec } from '../../project/app-kinds.ts';
import { formatMegabytes, type SizeReport } from '../../size/size-report.ts';

export interface CreateReport {
  config: ProjectConfig;
  files: readonly PlannedFile[];
  target: TargetCheck;
  dryRun: boolean;
  dir: string;
  shownDir: string;
  decisions: Decisions;
  /** Requirement lines the tool added for the app skeleton. */
  addedRequirements: readonly string[];
  /** Measured with --online; null otherwise. */
  size?: SizeReport | null;
}

const UPDATE_STEP = 'npx create-slim-python update';

/** The first line of an interactive session or of the report: which tool, which version. */
export function formatBanner(version: string): string {
  return `create-slim-python v${version}\n`;
}

/** The next steps a user runs after create. */
export function nextSteps(report: CreateReport): string[] {
  const { config, shownDir } = report;
  const run = config.port !== null ? `docker run --rm -p ${config.port}:${config.port} ${config.name}` : `docker run --rm ${config.name}`;
  return [...(shownDir === '.' ? [] : [`cd ${shownDir}`]), `docker build -t ${config.name} .`, run, UPDATE_STEP];
}

/** What create does to one planned file: create it, overwrite an existing one, or leave an identical one. */
function fileAction(report: CreateReport, path: string): 'create' | 'overwrite' | 'unchanged' {
  if (report.target.unchanged.includes(path)) return 'unchanged';
  return report.target.overwritten.includes(path) ? 'overwrite' : 'create';
}

/** A stable JSON summary for --json. */
export function createJsonSummary(report: CreateReport): object {
  const { config, decisions } = report;
  return {
    command: 'create',
    dryRun: report.dryRun,
    dir: report.dir,
    name: config.name,
    python: config.python,
    image: findRuntime(config.python)?.image ?? null,
    app: config.app,
    port: config.port,
    addedRequirements: report.addedRequirements,
    files: report.files.map((file) => ({
      path: file.path,
      action: fileAction(report, file.path),
      backup: report.target.backups.get(file.path) ?? null,
    })),
    packages: decisions.packages.map((item) => ({ name: item.name, status: item.status, why: item.why })),
    apk: {
      build: resolveApkList(decisions.apk.build, config.buildDeps, 'compiling').map((line) => line.name),
      runtime: resolveApkList(decisions.apk.runtime, config.runtimeLibs, 'loaded by').map((line) => line.name),
    },
    warnings: decisions.warnings,
    ...(report.size ? { size: report.size } : {}),
    next: nextSteps(report),
  };
}

/** The human-readable report; `banner` when the session has not shown it yet. */
export function formatCreateReport(report: CreateReport, banner = ''): string {
  const { config, decisions } = report;
  const runtime = findRuntime(config.python);
  const app = appKindSpec(config.app);
  const kind = config.port !== null ? `${app.label} on port ${config.port}` : app.label;
  const lines: string[] = [];
  lines.push(report.dryRun ? `Would create ${config.name} in ${report.shownDir} (dry run: nothing written)` : `Created ${config.name} in ${report.shownDir}`);
  lines.push(`  ${runtime?.label ?? config.python}, ${kind}`);
  lines.push('');
  for (const file of report.files) {
    const backup = report.target.backups.get(file.path);
    const saved = backup ? ` (yours ${report.dryRun ? 'would be saved' : 'saved'} as ${backup})` : '';
    lines.push(`  ${fileAction(report, file.path).padEnd(9)} ${file.path}${saved}`);
  }
  lines.push('');
  if (report.addedRequirements.length > 0) {
    lines.push(
      `${report.dryRun ? 'Would add' : 'Added'} to ${config.requirements}: ${report.addedRequirements.join(', ')} (the ${app.label} imports ${report.addedRequirements.length === 1 ? 'it' : 'them'})`,
    );
  }
  if (decisions.packages.length > 0) {
    lines.push('Requirements on Alpine:');
    for (const item of decisions.packages) lines.push(`  ${item.name.padEnd(24)} ${item.status.padEnd(8)} ${item.why}`);
  }
  const build = resolveApkList(decisions.apk.build, config.buildDeps, 'compiling');
  const runtimeLibs = resolveApkList(decisions.apk.runtime, config.runtimeLibs, 'loaded by');
  lines.push(build.length === 0 ? 'Build stage: no compiler needed (every requirement installs from a wheel)' : `Build stage packages: ${build.map((l) => l.name).join(', ')}`);
  const release = runtime
    ? releasePackagesFor(
        runtime,
        config.bytecode !== false,
        runtimeLibs.map((line) => line.name),
      )
    : [];
  lines.push(`Release stage packages: ${release.join(', ')} plus what scanelf finds`);
  if (report.size) lines.push(formatSizeLine(report.size));
  lines.push('');
  lines.push(report.dryRun ? 'Next steps (after a real run):' : 'Next steps:');
  const steps = nextSteps(report);
  const width = Math.max(...steps.map((step) => step.length));
  for (const step of steps) {
    lines.push(step === UPDATE_STEP ? `  ${step.padEnd(width)}  # after changing ${config.requirements}: regenerates the Dockerfile` : `  ${step}`);
  }
  return `${banner}${lines.join('\n')}\n`;
}

/** One line for the create report: the total, and where it comes from. */
function formatSizeLine(size: SizeReport): string {
  const bytecode = size.bytecode ? 'with bytecode' : 'without bytecode';
  const notes = size.notes.length > 0 ? ` (${size.notes.join('; ')})` : '';
  if (size.base === null || size.total === null) return `Release image: venv ${formatMegabytes(size.venv)} measured, base not known for this runtime${notes}`;
  return `Release image: about ${formatMegabytes(size.total)} ${bytecode} (base ${formatMegabytes(size.base)} + venv ${formatMegabytes(size.venv)} measured from the real wheels)${notes}`;
}
