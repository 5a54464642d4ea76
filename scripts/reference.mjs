// Generates the reference example (aiohttp web server requiring cryptography and aiohttp,
// CPython 3.12) into ./reference-app with the built CLI, then prints its Dockerfile.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const target = `${root}reference-app`;
// reference-app is this script's own output (git-ignored): start from scratch each time.
rmSync(target, { recursive: true, force: true });
const args = [
  'bin/create-slim-python.js',
  'reference-app',
  '--yes',
  '--no-interactive',
  '--python',
  '3.12',
  '--requirement',
  'cryptography',
  '--requirement',
  'aiohttp',
  '--app',
  'web',
  '--port',
  '8080',
];
const run = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
if (run.status !== 0) process.exit(run.status ?? 1);
process.stdout.write(`\n---- reference-app/Dockerfile ----\n${readFileSync(`${target}/Dockerfile`, 'utf8')}`);
