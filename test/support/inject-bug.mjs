// Preloaded with `node --import` by test/e2e/internal-error.test.ts: makes fs.promises.rename
// throw a plain TypeError (no errno code), i.e. what a bug in our own code looks like to the error
// boundary, so the built CLI's exit 70 path can be tested end to end. Never loaded by the CLI.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

fs.promises.rename = async () => {
  throw new TypeError('injected bug in rename');
};
syncBuiltinESMExports();
