/** What update prints: per-file actions, the package changes in the user's terms, diffs. */
import { CONFIG_FILE } from '../../project/config.ts';
import type { unifiedDiff } from '../../merge/unified-diff.ts';
import type { FileChange } from '../../plan/file-change.ts';
import type { Resolution, UpdateOutcome } from '../../plan/update-plan.ts';
import { formatYourFileSteps } from '../../plan/your-files.ts';

const ACTION_TEXT: Record<FileChange['action'], string> = {
  identical: 'up to date',
  create: 'created',
  update: 'regenerated',
  merge: 'regenerated, your edits merged in',
  conflict: 'conflict',
};

const RESOLUTION_TEXT: Record<Resolution, string> = {
  markers: 'conflict markers written',
  force: 'took the new render where both changed, kept your other edits',
  keep: 'kept your file unchanged',
};

function actionOf(outcome: UpdateOutcome, change: FileChange): string {
  const resolution = outcome.resolutions.get(change.path);
  const backup = outcome.backups.get(change.path);
  if (change.action === 'conflict' && change.noBase && resolution === 'markers') return 'conflict: no merge base stored, left unchanged';
  if (change.action === 'conflict' && resolution) return `conflict: ${RESOLUTION_TEXT[resolution]}${backup ? ` (yours saved as ${backup})` : ''}`;
  if (change.action === 'conflict' && change.noBase) return 'conflict: no merge base stored, left unchanged';
  if (change.action === 'conflict') return `conflict (lines ${change.conflicts.map((c) => `${c.start}-${c.end}`).join(', ')})`;
  return ACTION_TEXT[change.action];
}

/** Human-readable report; with a `diff` function (loaded lazily), unified diffs of every change. */
export function formatUpdateReport(outcome: UpdateOutcome, options: { diff: typeof unifiedDiff | null }): string {
  const lines: string[] = [];
  const verb = outcome.mode === 'write' ? '' : 'would be ';
  for (const change of outcome.changes) {
    lines.push(`${change.path}: ${change.action === 'identical' ? 'up to date' : verb + actionOf(outcome, change)}`);
    for (const note of change.notes) lines.push(`  ${note}`);
  }
  if (outcome.configChanged) lines.push(`${CONFIG_FILE}: ${verb}updated`);
  for (const sentence of outcome.apkChanges) lines.push(`  ${sentence}`);
  lines.push(...formatYourFileSteps(outcome.yourFiles));
  let text = `${lines.join('\n')}\n`;
  const unifiedDiff = options.diff;
  if (unifiedDiff) {
    for (const change of outcome.changes) text += unifiedDiff(change.path, change.current, change.next);
    if (outcome.configChanged) text += unifiedDiff(CONFIG_FILE, outcome.configBefore, outcome.configAfter);
  }
  return text;
}

/** Stable JSON summary for --json. */
export function updateJsonSummary(outcome: UpdateOutcome): object {
  return {
    command: 'update',
    mode: outcome.mode,
    root: outcome.root,
    upToDate: !outcome.configChanged && outcome.changes.every((change) => change.action === 'identical'),
    files: outcome.changes.map((change) => ({
      path: change.path,
      action: change.action,
      resolution: outcome.resolutions.get(change.path) ?? null,
      backup: outcome.backups.get(change.path) ?? null,
      conflicts: change.conflicts,
      noBase: change.noBase,
      notes: change.notes,
    })),
    config: outcome.configChanged ? 'update' : 'identical',
    changes: outcome.apkChanges,
    yourFiles: outcome.yourFiles,
    warnings: outcome.warnings,
  };
}
