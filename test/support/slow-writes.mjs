// Test-only preload (node --import): opens a timing window in the CLI's write phase so that a
// test can send a signal while files are being written. It changes no behaviour of the CLI:
// the first write into a staging folder (create), or the first rename of a temporary file
// (update), announces itself on stderr and is delayed by 1.5 s, then proceeds as normal.
import fs from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';

const DELAY_MS = 1500;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const { writeFile, rename } = fs;
let announced = false;

async function pause(what) {
  if (announced) return;
  announced = true;
  process.stderr.write(`SLOW-WRITE ${what}\n`);
  await sleep(DELAY_MS);
}

fs.writeFile = async (path, ...rest) => {
  if (String(path).includes('.staging-')) await pause('staging');
  return writeFile(path, ...rest);
};
fs.rename = async (from, to, ...rest) => {
  if (String(from).endsWith('.tmp')) await pause('rename');
  return rename(from, to, ...rest);
};
syncBuiltinESMExports();
