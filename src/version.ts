/** The tool's own version: injected at bundle time; read from package.json when run from source. */
import { readFileSync } from 'node:fs';

declare const __TOOL_VERSION__: string | undefined;

function readPackageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

export const TOOL_VERSION: string = typeof __TOOL_VERSION__ === 'string' ? __TOOL_VERSION__ : readPackageVersion();

/** Compares two x.y.z versions numerically (pre-release suffixes are ignored). */
export function compareToolVersions(a: string, b: string): number {
  const pa = a.split(/[-+]/)[0]!.split('.').map(Number);
  const pb = b.split(/[-+]/)[0]!.split('.').map(Number);
  for (let i = 0; i < 3; i += 1) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}
