/**
 * Reads what detection needs from an existing project, once, before anything else: the top-level
 * entries, the packaging and requirements files, and the Python modules where an app is usually
 * created. Detection (detect-*.ts) is pure over this snapshot. Nothing here writes.
 */
import { lstat, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ToolError, UsageError } from '../../errors.ts';
import { byName } from '../../sort.ts';

export interface ProjectSnapshot {
  root: string;
  /** Top-level entry name -> kind (symlinks count as "other": never followed). */
  entries: Map<string, 'file' | 'dir' | 'other'>;
  /** Texts read, by `/`-separated relative path: packaging files and candidate app modules. */
  texts: Map<string, string>;
  /** Requirements files found: `requirements*.txt` at the top and `requirements/*.txt`. */
  requirementFiles: string[];
  /** Import packages (folders with `__init__.py`) at the top and under `src/`: relative paths. */
  packages: { path: string; module: string; hasMain: boolean }[];
  /** Python modules read for app detection: relative path -> dotted module name. */
  modules: Map<string, string>;
}

/** Folders that hold no app code (or someone else's): never scanned. */
const SKIPPED_DIRS = new Set(['node_modules', 'venv', 'env', 'build', 'dist', 'site-packages', 'tests', 'test', 'docs', '__pycache__']);
/** Files read when present at the top level. */
const TOP_FILES = ['pyproject.toml', 'manage.py', '.python-version', 'setup.py', 'setup.cfg', 'uv.lock', 'poetry.lock', 'pylock.toml'];
const MAX_TEXT_BYTES = 512 * 1024;
const MAX_MODULES = 200;

/** Scans `root` (which must be an existing directory); environment failures name the path. */
export async function scanProject(root: string): Promise<ProjectSnapshot> {
  const stats = await lstat(root).catch(() => null);
  if (!stats) throw new UsageError(`${root} does not exist: pass the directory of the existing project (create-slim-python init DIR)`);
  if (stats.isSymbolicLink()) throw new UsageError(`${root} is a symlink; refusing to write through it: pass the real directory`);
  if (!stats.isDirectory()) throw new UsageError(`${root} is not a directory: pass the directory of the existing project`);
  const snapshot: ProjectSnapshot = { root, entries: await listEntries(root), texts: new Map(), requirementFiles: [], packages: [], modules: new Map() };
  for (const name of TOP_FILES) {
    if (snapshot.entries.get(name) === 'file') await readText(snapshot, name);
  }
  for (const [name, kind] of snapshot.entries) {
    if (kind === 'file' && /^requirements.*\.txt$/.test(name)) snapshot.requirementFiles.push(name);
  }
  if (snapshot.entries.get('requirements') === 'dir') {
    for (const [name, kind] of await listEntries(join(root, 'requirements'))) {
      if (kind === 'file' && name.endsWith('.txt')) snapshot.requirementFiles.push(`requirements/${name}`);
    }
  }
  snapshot.requirementFiles.sort();
  // Top-level modules (app.py, main.py, wsgi.py ...), then each package's own modules.
  for (const [name, kind] of snapshot.entries) {
    if (kind === 'file' && name.endsWith('.py') && name !== 'setup.py') await readModule(snapshot, name, name.slice(0, -3));
  }
  await findPackages(snapshot, '', '');
  if (snapshot.entries.get('src') === 'dir') await findPackages(snapshot, 'src/', '');
  return snapshot;
}

async function findPackages(snapshot: ProjectSnapshot, prefix: string, parentModule: string): Promise<void> {
  const entries = prefix === '' ? snapshot.entries : await listEntries(join(snapshot.root, prefix));
  for (const [name, kind] of entries) {
    if (kind !== 'dir' || name.startsWith('.') || SKIPPED_DIRS.has(name) || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) continue;
    const path = `${prefix}${name}`;
    const inner = await listEntries(join(snapshot.root, path));
    if (inner.get('__init__.py') !== 'file') continue;
    const module = parentModule ? `${parentModule}.${name}` : name;
    snapshot.packages.push({ path, module, hasMain: inner.get('__main__.py') === 'file' });
    for (const [file, fileKind] of inner) {
      if (fileKind === 'file' && file.endsWith('.py')) {
        await readModule(snapshot, `${path}/${file}`, file === '__init__.py' ? module : `${module}.${file.slice(0, -3)}`);
      }
    }
  }
}

async function readModule(snapshot: ProjectSnapshot, path: string, module: string): Promise<void> {
  if (snapshot.modules.size >= MAX_MODULES) return;
  if (await readText(snapshot, path)) snapshot.modules.set(path, module);
}

/** Reads a regular file's text into the snapshot; false when too big or unreadable as text. */
async function readText(snapshot: ProjectSnapshot, path: string): Promise<boolean> {
  const full = join(snapshot.root, path);
  const stats = await lstat(full);
  if (!stats.isFile() || stats.size > MAX_TEXT_BYTES) return false;
  const text = await readFile(full, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new ToolError(`cannot read ${full}: ${error.code === 'EACCES' ? 'permission denied' : error.message}`);
  });
  snapshot.texts.set(path, text);
  return true;
}

async function listEntries(dir: string): Promise<Map<string, 'file' | 'dir' | 'other'>> {
  const entries = await readdir(dir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    throw new ToolError(`cannot list ${dir}: ${error.code === 'EACCES' ? 'permission denied' : error.message}`);
  });
  const map = new Map<string, 'file' | 'dir' | 'other'>();
  for (const entry of entries.sort(byName)) map.set(entry.name, entry.isFile() ? 'file' : entry.isDirectory() ? 'dir' : 'other');
  return map;
}
