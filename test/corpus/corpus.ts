/**
 * The committed corpus of real applications' requirements and lock files (test/corpus/corpus.json
 * says where each came from), the offline `explain` of each (in-process, through the CLI's own
 * runExplain: the same code a user runs), and what the real index says of a pinned release
 * (PyPI's JSON API, one request per project, cached for the run: https://docs.pypi.org/api/json/).
 */
import { readFileSync } from 'node:fs';
import { eq, valid } from '@renovatebot/pep440';
import { fileURLToPath } from 'node:url';
import { runExplain } from '../../src/commands/explain/index.ts';
import type { ExplainDocument } from '../../src/commands/explain/document.ts';
import { wheelFits } from '../../src/knowledge/wheel-tags.ts';
import { hasSdist } from '../../src/knowledge/wheel-history.ts';
import type { Arch } from '../../src/requirements/types.ts';
import { fakeIo, pypiOnlyEnv } from '../online/real-index.ts';

export const CORPUS_DIR = fileURLToPath(new URL('./', import.meta.url));
export const PYTHON = '3.12';
export const ARCH: Arch = 'x86_64';

export interface CorpusFile {
  app: string;
  /** Path under test/corpus. */
  file: string;
  repository: string;
  path: string;
  commit: string;
  fileCommit: string;
  fileDate: string | null;
  kind: string;
  /** The CPython to judge it on when its lock excludes 3.12 (redash locks ==3.13.*). */
  python?: string;
}

export const CORPUS: readonly CorpusFile[] = (JSON.parse(readFileSync(new URL('./corpus.json', import.meta.url), 'utf8')) as { files: CorpusFile[] }).files;

/** `explain --json --python 3.12 --arch x86_64 --requirements-file FILE`, offline. */
export async function explainOffline(file: string, python = PYTHON): Promise<ExplainDocument> {
  const io = fakeIo(pypiOnlyEnv(), CORPUS_DIR);
  const code = await runExplain(['--requirements-file', file, '--python', python, '--arch', ARCH, '--json'], io);
  if (code !== 0) throw new Error(`explain ${file} exited ${code}: ${io.err()}`);
  return JSON.parse(io.out()) as ExplainDocument;
}

/** The pinned version of each project the document's requirements name exactly (`==X`). */
export function pinsOf(document: ExplainDocument): Map<string, string> {
  const pins = new Map<string, string>();
  for (const requirement of document.requirements) {
    if (!requirement.applies || requirement.name === null) continue;
    const pin = requirement.specifiers.find((specifier) => /^===?[^=*]+$/.test(specifier));
    if (pin) pins.set(requirement.name, pin.replace(/^===?/, ''));
  }
  return pins;
}

/** What the index offers for a release on the target: a musllinux or pure wheel, only an sdist, or nothing. */
export type IndexStatus = 'wheel' | 'pure' | 'compile' | 'unavailable';

export interface IndexAnswer {
  version: string;
  status: IndexStatus;
}

interface PypiProjectJson {
  info: { version: string };
  releases: Record<string, { filename: string }[]>;
}

const PROJECTS = new Map<string, Promise<PypiProjectJson | string>>();

/** Counts of what was asked of the index during this run, for the log. */
export const INDEX_REQUESTS = { count: 0 };

/** One project's JSON from PyPI (cached for the run); a string says why it is missing. */
function fetchProject(name: string): Promise<PypiProjectJson | string> {
  let pending = PROJECTS.get(name);
  if (!pending) {
    pending = (async () => {
      for (let attempt = 1; ; attempt += 1) {
        try {
          INDEX_REQUESTS.count += 1;
          const response = await fetch(`https://pypi.org/pypi/${name}/json`, { signal: AbortSignal.timeout(30_000) });
          if (response.status === 404) return 'not on PyPI (404)';
          if (!response.ok) throw new Error(`HTTP ${response.status}`);
          return (await response.json()) as PypiProjectJson;
        } catch (error) {
          if (attempt >= 3) return `PyPI JSON API failed: ${(error as Error).message}`;
        }
      }
    })();
    PROJECTS.set(name, pending);
  }
  return pending;
}

/** What pip would find for `name` at `version` (the latest release when not pinned), on CPython `python` x86_64 musl. */
export async function askIndex(name: string, version: string | null, python = PYTHON): Promise<IndexAnswer | string> {
  const project = await fetchProject(name);
  if (typeof project === 'string') return project;
  const wanted = version ?? project.info.version;
  // PyPI keys releases by their spelling ("4.6.0"); a pin may spell the same version otherwise ("4.6").
  const release = wanted in project.releases ? wanted : Object.keys(project.releases).find((key) => valid(key) && valid(wanted) && eq(key, wanted));
  if (release === undefined) return `${name} ${wanted} is not a release on PyPI`;
  return {
    version: release,
    status: statusOfFiles(
      project.releases[release]!.map((file) => file.filename),
      python,
    ),
  };
}

/** A local version (`2.13.0+cpu`) comes from another index (PEP 440 local labels are not on PyPI). */
export function isLocalVersion(version: string | undefined): boolean {
  return version !== undefined && version.includes('+');
}

/** The index status of a release's files for the target. */
export function statusOfFiles(files: readonly string[], python = PYTHON): IndexStatus {
  const fits = files.map((file) => wheelFits(file, python, ARCH));
  if (fits.includes('wheel')) return 'wheel';
  if (fits.includes('pure')) return 'pure';
  return hasSdist(files.map((filename) => ({ filename }))) ? 'compile' : 'unavailable';
}

/** Runs `work` over `items` with at most `limit` at once. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
