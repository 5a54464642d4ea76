/** Validation of the scalar option values shared by flags, prompts and the config file. */
import { UsageError } from '../errors.ts';
import { PYTHON_RUNTIMES, findRuntime, type PythonRuntime } from '../target/runtimes.ts';

export const APP_KINDS = ['web', 'fastapi', 'cli'] as const;
export type AppKind = (typeof APP_KINDS)[number];

/** Resolves `--python`, or throws naming the supported values. */
export function assertPython(value: string, where = '--python'): PythonRuntime {
  const runtime = findRuntime(value);
  if (!runtime) {
    const ids = PYTHON_RUNTIMES.map((r) => r.id).join(', ');
    throw new UsageError(`unsupported Python runtime ${JSON.stringify(value)} in ${where}: use one of ${ids}`);
  }
  return runtime;
}

/** Validates `--app`. */
export function assertApp(value: string, where = '--app'): AppKind {
  if (!(APP_KINDS as readonly string[]).includes(value)) {
    throw new UsageError(`invalid app kind ${JSON.stringify(value)} in ${where}: use one of ${APP_KINDS.join(', ')}`);
  }
  return value as AppKind;
}

/** True for an unprivileged TCP port: the app runs as a non-root user. */
export function isPort(value: string | number): boolean {
  const text = String(value);
  const port = Number(text);
  return /^[0-9]{1,5}$/.test(text) && port >= 1024 && port <= 65535;
}

/** Validates `--port` (`where` null: an answer at the prompt, which needs no flag name). */
export function assertPort(value: string | number, where: string | null = '--port'): number {
  const text = String(value);
  if (!isPort(text)) {
    throw new UsageError(`invalid port ${JSON.stringify(text)}${where === null ? '' : ` in ${where}`}: use a number from 1024 to 65535 (the app runs as a non-root user)`);
  }
  return Number(text);
}
