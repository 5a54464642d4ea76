// Test-only preload (node --import): opens a timing window in the CLI's write phase so that a
// test can send a signal while files are being written. It changes no behaviour of the CLI:
// the first write into a staging folder (create, synchronous: the process sleeps, and handles
// the signal once the staged files are written), or the first rename of a temporary file
// (update), announces itself on stderr and is delayed by 1.5 s, then proceeds as normal.
import fsSync from 'node:fs';
import fs from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';

const DELAY_MS = 1500;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const { rename } = fs;
let announced = false;

async function pause(what) {
  if (announced) return;
  announced = true;
  process.stderr.write(`SLOW-WRITE ${what}\n`);
  await sleep(DELAY_MS);
}

const { writeFileSync } = fsSync;
fsSync.writeFileSync = (path, ...rest) => {
  if (String(path).includes('.staging-') && !announced) {
    announced = true;
    process.stderr.write('SLOW-WRITE staging\n');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, DELAY_MS);
  }
  return writeFileSync(path, ...rest);
};
fs.rename = async (from, to, ...rest) => {
  if (String(from).endsWith('.tmp')) await pause('rename');
  return rename(from, to, ...rest);
};
syncBuiltinESMExports();
