/**
 * Process-wide cancellation state. Ctrl-C outside a write ends the process at once (nothing was
 * written); during a write it only raises the flag, which the writer checks so it can remove its
 * staging folder (or temp file) before the process exits with 130.
 */
let cancelled = false;
let writes = 0;

/** Marks the start of a write phase. */
export function beginWrite(): void {
  writes += 1;
}

/** Marks the end of a write phase. */
export function endWrite(): void {
  writes = Math.max(0, writes - 1);
}

/** True while something is being written. */
export function isWriting(): boolean {
  return writes > 0;
}

/** Records a Ctrl-C. */
export function requestCancel(): void {
  cancelled = true;
}

/** True once Ctrl-C was pressed. */
export function isCancelRequested(): boolean {
  return cancelled;
}
