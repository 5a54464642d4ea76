/**
 * Reads pip's console output: why a resolution failed, which top-level requirement pulled a
 * dependency in, and whether the index could be reached. The formats were checked against
 * pip 23.2 and 26.3 (fixtures in test/online/fixtures).
 */
import { requirementName } from './pip-report.ts';

/** Why `pip install --dry-run` failed. */
export type PipFailure =
  | {
      kind: 'missing';
      /** The requirement as pip printed it, e.g. "mysqlclient>=2.2.0". */
      requirement: string;
      name: string;
      /** Projects that asked for it (empty for a top-level requirement). */
      parents: string[];
      /** Releases pip found usable files for (empty: "from versions: none"). */
      versions: string[];
    }
  | { kind: 'conflict'; message: string }
  | { kind: 'other'; message: string };

/** A "Collecting X (from A->B->-r FILE (line N))" line: who asked for X. */
export interface CollectedFrom {
  name: string;
  /** Projects from X's direct parent up to the top-level requirement. */
  ancestors: string[];
  /** Line of the requirements file the chain starts from; null when unknown. */
  line: number | null;
}

/** Result of probing one project page with `-vv`. */
export type ProbeResult = { kind: 'reachable' } | { kind: 'not-found' } | { kind: 'network'; cause: string };

const MISSING = /Could not find a version that satisfies the requirement (.+) \(from versions: ?([^()]*)\)\s*$/m;
const NO_MATCH = /No matching distribution found for (\S+)/;
const CONFLICT = /ResolutionImpossible|conflicting dependencies|conflict is caused by/i;

/** Reads the failure out of pip's combined output. */
export function parsePipFailure(output: string): PipFailure {
  const missing = MISSING.exec(output);
  if (missing) {
    const { requirement, parents } = splitFrom(missing[1]!.trim());
    const versions =
      missing[2]!.trim() === 'none'
        ? []
        : missing[2]!
            .split(',')
            .map((v) => v.trim())
            .filter(Boolean);
    const name = requirementName(requirement);
    if (name !== null) return { kind: 'missing', requirement, name, parents, versions };
  }
  const noMatch = NO_MATCH.exec(output);
  const noMatchName = noMatch ? requirementName(noMatch[1]!) : null;
  if (noMatch && noMatchName !== null) return { kind: 'missing', requirement: noMatch[1]!, name: noMatchName, parents: [], versions: [] };
  const errors = output
    .split('\n')
    .filter((line) => line.startsWith('ERROR: '))
    .map((line) => line.slice('ERROR: '.length).trim());
  if (CONFLICT.test(output)) {
    const causes = output
      .split('\n')
      .filter((line) => /^\s+(The user requested |\S.* depends on )/.test(line))
      .map((line) => line.trim());
    const detail = causes.length > 0 ? `: ${causes.join('; ')}` : errors[0] ? `: ${errors[0]}` : '';
    return { kind: 'conflict', message: `pip cannot satisfy the requirements together (conflicting versions)${detail}` };
  }
  const last =
    errors[0] ??
    output
      .trim()
      .split('\n')
      .filter((line) => line.trim() !== '')
      .pop() ??
    'no output';
  return { kind: 'other', message: last.trim() };
}

/** Splits "req (from a, b)" into the requirement and its parents' names. */
function splitFrom(text: string): { requirement: string; parents: string[] } {
  const match = /^(.*?) \(from (.*)\)$/.exec(text);
  if (!match) return { requirement: text, parents: [] };
  const parents = match[2]!
    .split(/,\s+/)
    .filter((parent) => !/^-[rc] /.test(parent))
    .map((parent) => requirementName(parent.split('->')[0]!))
    .filter((name): name is string => name !== null);
  return { requirement: match[1]!, parents };
}

/** Every "Collecting" line of pip's output, by project name (first one wins). */
export function parseCollecting(output: string): Map<string, CollectedFrom> {
  const collected = new Map<string, CollectedFrom>();
  for (const match of output.matchAll(/^Collecting (\S+)(?: \(from (.*)\))?\s*$/gm)) {
    const name = requirementName(match[1]!);
    if (name === null || collected.has(name)) continue;
    const chain = match[2] ?? '';
    const line = /\(line (\d+)\)$/.exec(chain);
    const ancestors = chain
      .split('->')
      .filter((part) => part !== '' && !/^-[rc] /.test(part))
      .map((part) => requirementName(part))
      .filter((part): part is string => part !== null);
    collected.set(name, { name, ancestors, line: line ? Number(line[1]) : null });
  }
  return collected;
}

/**
 * Reads a `pip install -vv` run for one project: any "Fetched page" means an index answered; a
 * "Could not fetch URL" that is not an HTTP status means the index could not be reached. pip
 * otherwise reports an unreachable index exactly like a project without a fitting file.
 */
export function parseProbe(output: string): ProbeResult {
  if (/^Fetched page /m.test(output)) return { kind: 'reachable' };
  const failures = [...output.matchAll(/^Could not fetch URL (\S+?): (.*?)(?: - skipping)?\s*$/gm)].map((match) => ({ url: match[1]!, reason: match[2]! }));
  const network = failures.find((failure) => !/^\d{3} /.test(failure.reason));
  if (network) return { kind: 'network', cause: `${hostOf(network.url)}: ${shortCause(network.reason)}` };
  if (failures.length > 0) return { kind: 'not-found' };
  return { kind: 'reachable' };
}

/** The most telling part of a requests/urllib3 error text. */
export function shortCause(reason: string): string {
  const errno = /\[Errno -?\d+\] [^'")\]]+/.exec(reason);
  if (errno) return errno[0].trim();
  if (/certificate|ssl/i.test(reason)) return 'SSL certificate problem (set PIP_CERT or cert in pip.conf)';
  if (/timed? ?out/i.test(reason)) return 'timed out';
  if (/proxy/i.test(reason)) return 'proxy error';
  return reason.length > 120 ? `${reason.slice(0, 117)}...` : reason;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}
