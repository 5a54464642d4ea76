/**
 * Reads pip's installation report (`pip install --dry-run --report FILE`, format documented at
 * https://pip.pypa.io/en/stable/reference/installation-report/) and classifies each
 * distribution by the file pip picked.
 */
import { ToolError } from '../errors.ts';
import { normalizeName } from '../requirements/normalize.ts';

export type { OnlineStatus } from '../knowledge/index-answer.ts';
import type { OnlineStatus } from '../knowledge/index-answer.ts';

/** One distribution pip would install. */
export interface ResolvedDist {
  /** PEP 503 normalised name. */
  name: string;
  version: string;
  /** Wheel (or archive) file name pip picked; null for a local directory. */
  file: string | null;
  /** null when the file does not tell (a directory, an unexpected platform). */
  status: OnlineStatus | null;
  /** Given on pip's command line (or in the requirements file) rather than pulled in. */
  requested: boolean;
  /** Requires-Dist lines of its metadata (markers included). */
  requiresDist: string[];
  /** Its Requires-Python, when the metadata has one. */
  requiresPython?: string | null;
}

export interface PipReport {
  dists: ResolvedDist[];
  /** The marker environment pip evaluated dependencies' markers in (the machine running pip). */
  environment: Record<string, string>;
}

/**
 * Status from a wheel file name `name-version(-build)?-python-abi-platform.whl`
 * (https://packaging.python.org/en/latest/specifications/binary-distribution-format/):
 * platform `any` is pure Python; a musllinux platform tag is a binary wheel for Alpine.
 * An sdist means pip would compile. Anything else cannot be told from the name.
 */
export function classifyFile(file: string): OnlineStatus | null {
  if (/\.(tar\.gz|zip|tar\.bz2|tar\.xz|tgz)$/i.test(file)) return 'compile';
  if (!/\.whl$/i.test(file)) return null;
  const parts = file.slice(0, -'.whl'.length).split('-');
  if (parts.length < 5) return null;
  const platforms = parts[parts.length - 1]!.split('.');
  if (platforms.includes('any')) return 'pure';
  if (platforms.some((platform) => platform.startsWith('musllinux_'))) return 'wheel';
  return null;
}

/** The file name at the end of a download URL (query and fragment removed, %-escapes decoded). */
export function fileNameOfUrl(url: string): string {
  const path = url.split(/[?#]/)[0]!;
  const last = path.slice(path.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/** Parses the report JSON; a malformed report is pip's fault, not the user's. */
export function parsePipReport(text: string): PipReport {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ToolError(`pip wrote an unreadable --report (${(error as Error).message})`, 2);
  }
  const root = asRecord(data);
  const install = root?.install;
  if (!root || !Array.isArray(install)) throw new ToolError('pip wrote a --report without an "install" list', 2);
  const dists = install.map((item: unknown) => {
    const record = asRecord(item) ?? {};
    const metadata = asRecord(record.metadata) ?? {};
    const info = asRecord(record.download_info) ?? {};
    const name = typeof metadata.name === 'string' ? metadata.name : '';
    if (name === '') throw new ToolError('pip wrote a --report entry without metadata.name', 2);
    const url = typeof info.url === 'string' ? info.url : '';
    const file = url === '' || 'dir_info' in info ? null : fileNameOfUrl(url);
    const requiresDist = Array.isArray(metadata.requires_dist) ? metadata.requires_dist.filter((line): line is string => typeof line === 'string') : [];
    return {
      name: normalizeName(name),
      version: typeof metadata.version === 'string' ? metadata.version : '',
      file,
      status: file === null ? null : classifyFile(file),
      requested: record.requested === true,
      requiresDist,
      requiresPython: typeof metadata.requires_python === 'string' ? metadata.requires_python : null,
    };
  });
  const environment = Object.fromEntries(Object.entries(asRecord(root.environment) ?? {}).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  return { dists, environment };
}

/** The normalised project name a Requires-Dist line or requirement line starts with. */
export function requirementName(line: string): string | null {
  const match = /^\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)/.exec(line);
  return match ? normalizeName(match[1]!) : null;
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}
