/**
 * `slim-python.json`: the answers needed to regenerate the Dockerfile, validated strictly when
 * read (the same checks as the flags) so a hand edit can never smuggle text into the Dockerfile.
 */
import { InputFileError } from '../errors.ts';
import { describeJsonError } from './json-error.ts';
import { lockKindOf } from '../requirements/lock-readers.ts';
import { ARCHES, type Arch } from '../requirements/types.ts';
import type { IndexRecord } from '../knowledge/index-record.ts';
import { checkProjectName } from '../validate/project-name.ts';
import { isApkName } from '../validate/apk-name.ts';
import { APP_KINDS, isPort, type AppKind } from '../validate/values.ts';
import { findRuntime } from '../target/runtimes.ts';
import { listensOnPort } from './app-kinds.ts';
import { compareToolVersions } from '../version.ts';
import { validateArgv } from '../validate/argv.ts';
import { isPlainRelativePath } from '../validate/relative-path.ts';

export const CONFIG_FILE = 'slim-python.json';
/**
 * Schema versions. 1: a project made by `create` (the app skeleton's module, `python -m` it).
 * 2: adds `cmd`, `code` and `health`, written by `init` for a project that already existed.
 * 3: `requirements` may name a lock file (uv.lock, pylock.toml) the image installs from with uv;
 * a tool that knows only 1 and 2 would read it as a requirements file, so it refuses it instead.
 * Files of versions 1 and 2 mean the same as before: they are read as they are, no migration.
 * A file is written at the lowest version that holds its keys, so created projects stay at 1
 * and older tools keep reading them; a tool refuses a version newer than it knows.
 */
export const CONFIG_VERSION = 3;
export type ConfigVersion = 1 | 2 | 3;

/**
 * Where the app's code comes from in the release stage. "module": the skeleton's package folder
 * (create). "context": the whole build context behind the generated .dockerignore (init).
 * "installed": the project is a package, `pip install`ed in the build stage; the venv carries it.
 */
export const CODE_LAYOUTS = ['module', 'context', 'installed'] as const;
export type CodeLayout = (typeof CODE_LAYOUTS)[number];

/** A health-check path: a plain URL path, optionally a simple query (it ends up inside the HEALTHCHECK URL). */
export const HEALTH_PATH = /^\/[A-Za-z0-9._~/%-]*(\?[A-Za-z0-9._~=&%-]*)?$/;

/** Adjustments the user made to an inferred Alpine package list. */
export interface ApkAdjustments {
  add: string[];
  remove: string[];
}

export interface ProjectConfig {
  version: ConfigVersion;
  /** Tool version that last wrote the project ("0.1.0"). */
  generator: string;
  name: string;
  python: string;
  arches: Arch[];
  app: AppKind;
  /** Port of a web app; null for cli apps. */
  port: number | null;
  /** The requirements file (or, v3, the lock file the image installs from), relative to the project root. */
  requirements: string;
  buildDeps: ApkAdjustments;
  runtimeLibs: ApkAdjustments;
  /**
   * Compile bytecode at build time (fast start; `--no-bytecode` sets false for the smallest
   * image). Absent in configs written before it existed: true.
   */
  bytecode?: boolean;
  /** Wheel availability recorded by `explain --online --write`: project -> status. */
  index?: IndexRecord;
  /** (v2) The CMD argv; absent: `python -m <module>` of the skeleton. */
  cmd?: string[];
  /** (v2) Where the code comes from; absent: "module". */
  code?: CodeLayout;
  /** (v2) Path the HEALTHCHECK requests (web apps only); absent: no HEALTHCHECK. */
  health?: string;
}

/** Keys that need schema version 2. */
const V2_KEYS = ['cmd', 'code', 'health'] as const;

/** The lowest schema version that holds this config's keys. */
export function configVersionOf(config: ProjectConfig): ConfigVersion {
  if (lockKindOf(config.requirements) !== null) return 3;
  return V2_KEYS.some((key) => config[key] !== undefined) ? 2 : 1;
}

const KEYS = ['version', 'generator', 'name', 'python', 'arches', 'app', 'port', 'requirements', 'code', 'cmd', 'health', 'buildDeps', 'runtimeLibs', 'bytecode', 'index'];

/** Serialises a config deterministically (fixed key order, sorted lists, one trailing newline). */
export function serializeConfig(config: ProjectConfig): string {
  const sorted = (list: readonly string[]) => [...new Set(list)].sort();
  config = {
    ...config,
    version: configVersionOf(config),
    arches: sorted(config.arches) as Arch[],
    buildDeps: { add: sorted(config.buildDeps.add), remove: sorted(config.buildDeps.remove) },
    runtimeLibs: { add: sorted(config.runtimeLibs.add), remove: sorted(config.runtimeLibs.remove) },
  };
  const ordered: Record<string, unknown> = {};
  for (const key of KEYS) {
    const value = (config as unknown as Record<string, unknown>)[key];
    if (value !== undefined) ordered[key] = value;
  }
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

/** Parses and validates config text; every problem names the file and the key. */
export function parseConfig(text: string, file: string, toolVersion: string): ProjectConfig {
  let data: unknown;
  try {
    // A UTF-8 byte-order mark (some Windows editors write one) is not part of the JSON.
    data = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (error) {
    throw describeJsonError(text.replace(/^\ufeff/, ''), (error as Error).message, file);
  }
  const fail = (key: string, problem: string): never => {
    throw new InputFileError(file, null, `"${key}" ${problem}`);
  };
  if (!isRecord(data)) return fail('(root)', 'must be a JSON object');
  for (const key of Object.keys(data)) if (!KEYS.includes(key)) fail(key, 'is not a known key; remove it');
  if (data.version !== 1 && data.version !== 2 && data.version !== 3) {
    if (typeof data.version === 'number' && data.version > CONFIG_VERSION) {
      fail('version', `is ${data.version}: this project was written by a newer create-slim-python; run the newer version (npx create-slim-python@latest)`);
    }
    fail('version', `must be 1, 2 or ${CONFIG_VERSION}`);
  }
  const version = data.version as ConfigVersion;
  for (const key of V2_KEYS) if (data[key] !== undefined && version < 2) fail(key, 'needs "version": 2');
  const generator = stringAt(data, 'generator', fail);
  if (!/^[0-9]+\.[0-9]+\.[0-9]+([-+][0-9A-Za-z.-]+)?$/.test(generator)) fail('generator', 'must be a version like "0.1.0"');
  if (compareToolVersions(generator, toolVersion) > 0) {
    fail('generator', `is ${generator}, newer than this create-slim-python (${toolVersion}); run npx create-slim-python@latest`);
  }
  const name = stringAt(data, 'name', fail);
  const nameProblem = checkProjectName(name);
  if (nameProblem) fail('name', `is invalid: it ${nameProblem}`);
  const python = stringAt(data, 'python', fail);
  if (!findRuntime(python)) fail('python', `is ${JSON.stringify(python)}, not a supported runtime`);
  const arches = arrayAt(data, 'arches', fail);
  if (arches.length === 0 || arches.some((arch) => !(ARCHES as readonly string[]).includes(arch))) {
    fail('arches', `must list ${ARCHES.join(' and/or ')}`);
  }
  const app = stringAt(data, 'app', fail);
  if (!(APP_KINDS as readonly string[]).includes(app)) fail('app', `must be one of ${APP_KINDS.join(', ')}`);
  const port = data.port;
  const listens = listensOnPort(app as AppKind);
  if (listens) {
    if (typeof port !== 'number' || !isPort(port)) fail('port', 'must be a number from 1024 to 65535');
  } else if (port !== null) fail('port', `must be null for a ${app} app`);
  const requirements = stringAt(data, 'requirements', fail);
  if (!isPlainRelativePath(requirements)) {
    fail('requirements', 'must be a relative path inside the project, like "requirements.txt"');
  }
  if (lockKindOf(requirements) !== null && version < 3) fail('requirements', `is a lock file (${requirements}), which needs "version": 3`);
  const config: ProjectConfig = {
    version,
    generator,
    name,
    python,
    arches: [...new Set(arches)].sort() as Arch[],
    app: app as AppKind,
    port: listens ? (port as number) : null,
    requirements,
    buildDeps: adjustmentsAt(data, 'buildDeps', fail),
    runtimeLibs: adjustmentsAt(data, 'runtimeLibs', fail),
  };
  if (data.bytecode !== undefined) {
    if (typeof data.bytecode !== 'boolean') fail('bytecode', 'must be true or false');
    config.bytecode = data.bytecode as boolean;
  }
  if (data.index !== undefined) config.index = indexAt(data.index, fail);
  if (data.cmd !== undefined) {
    const cmd = arrayAt(data, 'cmd', fail);
    try {
      config.cmd = validateArgv(cmd, '"cmd"');
    } catch (error) {
      fail('cmd', (error as Error).message.replace(/^"cmd" ?:? ?/, ''));
    }
  }
  if (data.code !== undefined) {
    const code = stringAt(data, 'code', fail);
    if (!(CODE_LAYOUTS as readonly string[]).includes(code)) fail('code', `must be one of ${CODE_LAYOUTS.join(', ')}`);
    config.code = code as CodeLayout;
  }
  if (data.health !== undefined) {
    const health = stringAt(data, 'health', fail);
    if (!HEALTH_PATH.test(health)) fail('health', 'must be a URL path starting with "/", like "/health"');
    if (app !== 'web') fail('health', 'applies only to a web app (with a port)');
    config.health = health;
  }
  return config;
}

type Fail = (key: string, problem: string) => never;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringAt(data: Record<string, unknown>, key: string, fail: Fail): string {
  const value = data[key];
  if (typeof value !== 'string') return fail(key, 'must be a string');
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f\x7f]/.test(value)) return fail(key, 'contains a control character (a newline?)');
  return value;
}

function arrayAt(data: Record<string, unknown>, key: string, fail: Fail): string[] {
  const value = data[key];
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) return fail(key, 'must be a list of strings');
  return value as string[];
}

function adjustmentsAt(data: Record<string, unknown>, key: string, fail: Fail): ApkAdjustments {
  const value = data[key];
  if (!isRecord(value)) return fail(key, 'must be an object with "add" and "remove" lists');
  for (const inner of Object.keys(value)) if (inner !== 'add' && inner !== 'remove') fail(`${key}.${inner}`, 'is not a known key');
  const result: ApkAdjustments = { add: [], remove: [] };
  for (const list of ['add', 'remove'] as const) {
    const items = arrayAt(value, list, (k, p) => fail(`${key}.${k}`, p));
    for (const item of items) if (!isApkName(item)) fail(`${key}.${list}`, `has ${JSON.stringify(item)}, not a valid Alpine package name`);
    result[list] = [...new Set(items)].sort();
  }
  return result;
}

function indexAt(value: unknown, fail: Fail): IndexRecord {
  if (!isRecord(value)) return fail('index', 'must be an object');
  const python = stringAt(value, 'python', (k, p) => fail(`index.${k}`, p));
  const arches = arrayAt(value, 'arches', (k, p) => fail(`index.${k}`, p));
  if (arches.some((arch) => !(ARCHES as readonly string[]).includes(arch))) fail('index.arches', `must list ${ARCHES.join(' and/or ')}`);
  const packages = value.packages;
  if (!isRecord(packages)) return fail('index.packages', 'must be an object');
  for (const [name, status] of Object.entries(packages)) {
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(name)) fail('index.packages', `has ${JSON.stringify(name)}, not a normalised project name`);
    if (status !== 'wheel' && status !== 'pure' && status !== 'compile') fail(`index.packages.${name}`, 'must be "wheel", "pure" or "compile"');
  }
  return { python, arches: arches as Arch[], packages: packages as IndexRecord['packages'] };
}
