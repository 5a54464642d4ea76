/**
 * The app skeletons a project can start from, as data: what each is called, whether it listens
 * on a port, which PyPI projects its code imports (added to requirements.txt when missing) and
 * which templates make it. Adding a kind is a row here plus its templates.
 */
import type { AppKind } from '../validate/values.ts';

export interface AppKindSpec {
  /** Shown at the prompt and in the report. */
  label: string;
  /** First sentence of the project README. */
  description: string;
  /** A server: it gets a port (EXPOSE, ENV PORT) and a /health route. */
  listens: boolean;
  /** Requirement lines the skeleton needs, added when no requirement names the project. */
  requires: readonly string[];
  /** `name[extra]` requirements that already bring some of `requires` along. */
  extrasProviding?: Readonly<Record<string, readonly string[]>>;
  /** Text the skeleton's __main__.py holds: tells update that the user's code is still it. */
  entryMarker: string;
  /** Template path (under templates/) -> output path inside the Python package. */
  templates: Readonly<Record<string, string>>;
}

export const APP_KIND_SPECS: Readonly<Record<AppKind, AppKindSpec>> = {
  web: {
    label: 'aiohttp web server',
    description: 'An aiohttp web service',
    listens: true,
    requires: ['aiohttp'],
    entryMarker: 'web.run_app(',
    templates: { 'web/__init__.py.hbs': '__init__.py', 'web/__main__.py.hbs': '__main__.py', 'web/app.py.hbs': 'app.py' },
  },
  // uvicorn is FastAPI's documented server (https://fastapi.tiangolo.com/deployment/manually/);
  // plain `uvicorn`, not `uvicorn[standard]`: the extras add uvloop, httptools and watchfiles,
  // which a small service does not need in its image.
  fastapi: {
    label: 'FastAPI web server (uvicorn)',
    description: 'A FastAPI web service served by uvicorn',
    listens: true,
    requires: ['fastapi', 'uvicorn'],
    // fastapi's `standard` and `all` extras depend on uvicorn[standard]
    // (https://fastapi.tiangolo.com/#standard-dependencies, checked 2026-12-01).
    extrasProviding: { 'fastapi[standard]': ['uvicorn'], 'fastapi[all]': ['uvicorn'] },
    entryMarker: 'uvicorn.run(',
    templates: { 'fastapi/__init__.py.hbs': '__init__.py', 'fastapi/__main__.py.hbs': '__main__.py', 'fastapi/app.py.hbs': 'app.py' },
  },
  cli: {
    label: 'command-line app',
    description: 'A command-line program',
    listens: false,
    requires: [],
    entryMarker: 'argparse.ArgumentParser(',
    templates: { 'cli/__init__.py.hbs': '__init__.py', 'cli/__main__.py.hbs': '__main__.py' },
  },
};

/** The spec of an app kind (validated before it gets here). */
export function appKindSpec(app: AppKind): AppKindSpec {
  return APP_KIND_SPECS[app];
}

/** True for app kinds that serve HTTP on a port. */
export function listensOnPort(app: AppKind): boolean {
  return APP_KIND_SPECS[app].listens;
}

/**
 * The requirement lines the app kind needs that `names` lack: PEP 503 names, plus `name[extra]`
 * for each extra a requirement asks for.
 */
export function missingAppRequirements(app: AppKind, names: ReadonlySet<string>): string[] {
  const spec = APP_KIND_SPECS[app];
  const provided = new Set(Object.entries(spec.extrasProviding ?? {}).flatMap(([key, brings]) => (names.has(key) ? brings : [])));
  return spec.requires.filter((name) => !names.has(name) && !provided.has(name));
}
