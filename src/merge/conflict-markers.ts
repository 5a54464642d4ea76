/** Conflict markers (`<<<<<<< ` ... `>>>>>>> `) that an earlier update left in a file. */

/** Line ranges of conflict blocks left in a file by an earlier update, or [] when none. */
export function findUnresolvedConflicts(text: string): { start: number; end: number }[] {
  if (!/^<<<<<<< /m.test(text) || !/^>>>>>>> /m.test(text)) return [];
  const ranges: { start: number; end: number }[] = [];
  let start = 0;
  text.split('\n').forEach((line, index) => {
    if (line.startsWith('<<<<<<< ')) start = index + 1;
    else if (line.startsWith('>>>>>>> ') && start > 0) {
      ranges.push({ start, end: index + 1 });
      start = 0;
    }
  });
  return ranges;
}
