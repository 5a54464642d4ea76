/** Applies update's value flags to the config, with the same validation as the scaffold. */
import { boolFlag, stringFlag, type ParsedFlags } from '../../args/parse.ts';
import type { ProjectConfig } from '../../project/config.ts';
import { UsageError } from '../../errors.ts';
import { toAdjustments } from '../../plan/apk-sets.ts';
import { parseApkList } from '../../validate/apk-name.ts';
import { assertApp, assertPort, assertPython } from '../../validate/values.ts';
import { DEFAULT_PORT } from '../../target/defaults.ts';
import { listensOnPort } from '../../project/app-kinds.ts';

/** Returns the config with the flags' changes; `inferred` are the current inferred lists. */
export function applyConfigFlags(config: ProjectConfig, flags: ParsedFlags, inferred: (config: ProjectConfig) => { build: string[]; runtime: string[] }): ProjectConfig {
  let next: ProjectConfig = { ...config };
  const python = stringFlag(flags, 'python');
  if (python !== undefined) next.python = assertPython(python).id;
  const app = stringFlag(flags, 'app');
  if (app !== undefined) {
    next.app = assertApp(app);
    next.port = listensOnPort(next.app) ? (next.port ?? DEFAULT_PORT) : null;
  }
  const port = stringFlag(flags, 'port');
  if (port !== undefined) {
    if (!listensOnPort(next.app)) throw new UsageError('--port applies only to web apps (pass --app web too)');
    const before = next.port;
    next.port = assertPort(port);
    // An adopted project's command may name its port (uvicorn --port N): it follows the change.
    if (next.cmd && before !== null) next.cmd = next.cmd.map((arg, i, argv) => (argv[i - 1] === '--port' && arg === String(before) ? String(next.port) : arg));
  }
  // A HEALTHCHECK needs a server port: a cli app has none.
  if (!listensOnPort(next.app) && next.health !== undefined) {
    const { health: _dropped, ...rest } = next;
    next = rest;
  }
  const bytecode = boolFlag(flags, 'bytecode');
  if (bytecode !== undefined) next.bytecode = bytecode;
  const build = stringFlag(flags, 'build-deps');
  const runtime = stringFlag(flags, 'runtime-libs');
  if (build !== undefined || runtime !== undefined) {
    const lists = inferred(next);
    if (build !== undefined) next = { ...next, buildDeps: toAdjustments(lists.build, parseApkList(build, '--build-deps'), next.buildDeps) };
    if (runtime !== undefined) next = { ...next, runtimeLibs: toAdjustments(lists.runtime, parseApkList(runtime, '--runtime-libs'), next.runtimeLibs) };
  }
  return next;
}
