// Summarizes a Stryker JSON report (reports/mutation/*.json): the per-file table of the README's
// "Mutation testing" section, and with --survivors the list of mutants not killed (for
// docs/mutation-survivors-*.txt). With --unexplained FILE..., the mutants not killed that no line of
// those files explains (a line starting `<file>:<line>:<column> <Mutator> |`, as in
// docs/mutation-explained-*.txt), exit 1 if there is one: every survivor must be killed or explained.
// Usage: node scripts/mutation-summary.mjs REPORT [--survivors | --unexplained FILE...]
import { readFileSync } from 'node:fs';

const [reportPath, flag, ...explainedFiles] = process.argv.slice(2);
if (!reportPath || (flag === '--unexplained' && explainedFiles.length === 0)) {
  console.error('usage: node scripts/mutation-summary.mjs REPORT [--survivors | --unexplained FILE...]');
  process.exit(2);
}
const report = JSON.parse(readFileSync(reportPath, 'utf8'));
const files = Object.entries(report.files).sort(([a], [b]) => a.localeCompare(b));

const notKilled = (mutants) =>
  mutants
    .filter((m) => m.status === 'Survived' || m.status === 'NoCoverage')
    .sort((a, b) => a.location.start.line - b.location.start.line || a.location.start.column - b.location.start.column);

if (flag === '--unexplained') {
  // Keys of the explained lines: "src/x.ts:12:3 Mutator" (the text before " |").
  const explained = new Set(
    explainedFiles.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => / \| /.test(line) && !line.startsWith('#'))
        .map((line) =>
          line
            .split(' | ')[0]
            .replace(/ STATIC$/, '')
            .trim(),
        ),
    ),
  );
  let missing = 0;
  let total = 0;
  for (const [file, { mutants }] of files) {
    for (const m of notKilled(mutants)) {
      total += 1;
      const key = `${file}:${m.location.start.line}:${m.location.start.column} ${m.mutatorName}`;
      if (!explained.has(key)) {
        missing += 1;
        console.log(`unexplained ${key}`);
      }
    }
  }
  console.log(`${total - missing} of ${total} mutants not killed are explained`);
  process.exit(missing > 0 ? 1 : 0);
} else if (flag === '--survivors') {
  for (const [file, { source, mutants }] of files) {
    const lines = source.split('\n');
    const left = notKilled(mutants);
    for (const m of left) {
      const { line, column } = m.location.start;
      const original = lines[line - 1].trim().slice(0, 110);
      console.log(
        `${m.status} ${file}:${line}:${column} ${m.mutatorName}${m.static ? ' STATIC' : ''} | ${original} => ${String(m.replacement ?? '')
          .replace(/\s+/g, ' ')
          .slice(0, 110)}`,
      );
    }
  }
} else {
  const rows = [];
  const total = { killed: 0, timeout: 0, survived: 0, noCoverage: 0, ignored: 0 };
  for (const [file, { mutants }] of files) {
    const count = (status) => mutants.filter((m) => m.status === status).length;
    const row = { killed: count('Killed'), timeout: count('Timeout'), survived: count('Survived'), noCoverage: count('NoCoverage'), ignored: count('Ignored') };
    for (const key of Object.keys(total)) total[key] += row[key];
    rows.push([file.replace(/^src\//, ''), row]);
  }
  const score = ({ killed, timeout, survived, noCoverage }) => ((100 * (killed + timeout)) / (killed + timeout + survived + noCoverage || 1)).toFixed(1);
  console.log('| file | score | killed | timeout | survived | no coverage |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const [file, row] of rows) console.log(`| \`${file}\` | ${score(row)}% | ${row.killed} | ${row.timeout} | ${row.survived} | ${row.noCoverage} |`);
  console.log(`| **all** | **${score(total)}%** | ${total.killed} | ${total.timeout} | ${total.survived} | ${total.noCoverage} |`);
  console.log(`(${total.ignored} ignored: static mutants, see stryker.config.mjs)`);
}
