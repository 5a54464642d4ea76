/**
 * Reads `pyproject.toml` out of a project's sdist, for projects the knowledge base does not know
 * and that must compile: its `[build-system]` and PEP 725 `[external]` tables say what the build
 * needs (src/knowledge/build-system.ts). The URL is the one pip's finder reported for the sdist
 * (so it comes from the user's own index). Only `.tar.gz` sdists (PEP 625's format) are read, in
 * memory; anything that fails gives null: the inference is a hint, never a reason to stop.
 */
import { gunzip } from 'node:zlib';
import { promisify } from 'node:util';

/** Larger sdists are not downloaded for a hint (the biggest common ones are well under this). */
const MAX_BYTES = 64 * 1024 * 1024;

/** The text of `<top>/pyproject.toml` in the sdist at `url`, "" when the sdist has none (a setup.py build), or null when it cannot be read. */
export async function readSdistPyproject(url: string): Promise<string | null> {
  if (!/\.(tar\.gz|tgz)(?:[?#].*)?$/i.test(url)) return null;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(60_000) });
    if (!response.ok) return null;
    const length = Number(response.headers.get('content-length') ?? '0');
    if (length > MAX_BYTES) return null;
    const packed = Buffer.from(await response.arrayBuffer());
    if (packed.length > MAX_BYTES) return null;
    return findTopLevelFile(await promisify(gunzip)(packed), 'pyproject.toml') ?? '';
  } catch {
    return null;
  }
}

/**
 * The content of `<one folder>/NAME` in a tar archive (POSIX ustar, with GNU long names and pax
 * `path` records: https://pubs.opengroup.org/onlinepubs/9699919799/utilities/pax.html), or null.
 */
export function findTopLevelFile(tar: Buffer, name: string): string | null {
  let offset = 0;
  let longName: string | null = null;
  while (offset + 512 <= tar.length) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) return null;
    const size = parseInt(field(header, 124, 12).trim() || '0', 8);
    const type = String.fromCharCode(header[156] ?? 48);
    const prefix = field(header, 345, 155);
    const body = tar.subarray(offset + 512, offset + 512 + size);
    const path = longName ?? (prefix ? `${prefix}/${field(header, 0, 100)}` : field(header, 0, 100));
    longName = null;
    if (type === 'L') longName = body.toString('utf8').replace(/\0.*$/s, '');
    else if (type === 'x') longName = /\d+ path=([^\n]*)\n/.exec(body.toString('utf8'))?.[1] ?? null;
    else if ((type === '0' || type === '\0') && /^[^/]+\/[^/]+$/.test(path.replace(/^\.\//, '')) && path.endsWith(`/${name}`)) return body.toString('utf8');
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return null;
}

function field(header: Buffer, start: number, length: number): string {
  return header
    .subarray(start, start + length)
    .toString('utf8')
    .replace(/\0.*$/s, '');
}
