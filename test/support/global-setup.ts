/**
 * Vitest global setup: builds dist/ from the current src/ and templates/ before any test runs,
 * so the e2e, lint and app tests (which spawn the built CLI) never test a stale bundle, whether
 * they run through `npm test` or a direct `npx vitest run FILE`. esbuild takes about a second,
 * so there is deliberately no switch to skip it.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
}
