/**
 * What an existing project runs, proposed from what exists, each proposal with its reason.
 * Pure over the scan and the required project names. Servers first (a project that serves HTTP
 * is a service), then console scripts, then packages runnable with `python -m`.
 */
import type { PyprojectInfo } from './pyproject-info.ts';
import type { ProjectSnapshot } from './scan-project.ts';

export interface CommandProposal {
  argv: string[];
  reason: string;
  /** Port the server listens on by default (it serves HTTP), or null for a non-server. */
  defaultPort: number | null;
}

export interface CommandDetection {
  proposals: CommandProposal[];
  /** Why a likely command was not proposed (a server that is not required, ...). */
  hints: string[];
}

/** Web frameworks: how a module creating an app looks, and which server runs it. */
const WEB_APPS: readonly { framework: string; pattern: RegExp; factory?: RegExp; server: string }[] = [
  // `app = Flask(__name__)` / `app = flask.Flask(...)`; `def create_app(` is Flask's factory convention
  // (https://flask.palletsprojects.com/en/stable/patterns/appfactories/).
  { framework: 'Flask', pattern: /^([A-Za-z_]\w*)\s*(?::[^=\n]+)?=\s*(?:flask\.)?Flask\(/m, factory: /^def (create_app)\(/m, server: 'gunicorn' },
  { framework: 'FastAPI', pattern: /^([A-Za-z_]\w*)\s*(?::[^=\n]+)?=\s*(?:fastapi\.)?FastAPI\(/m, server: 'uvicorn' },
];

/** Proposals in priority order (first is the default), and hints when none fits. */
export function detectCommands(snapshot: ProjectSnapshot, pyproject: PyprojectInfo | null, required: ReadonlySet<string>, installed: boolean): CommandDetection {
  const proposals: CommandProposal[] = [];
  const hints: string[] = [];
  const django = detectDjango(snapshot);
  if (django) {
    if (required.has('gunicorn')) {
      proposals.push({
        argv: ['gunicorn', django.wsgi],
        reason: `manage.py uses ${django.settings}, ${django.wsgiPath} is its WSGI module, and gunicorn is required (it binds 0.0.0.0:$PORT when PORT is set)`,
        defaultPort: 8000,
      });
    } else hints.push(`manage.py is a Django project, but gunicorn is not in the requirements: add gunicorn (runserver is not for production), or pass --cmd`);
  }
  for (const [path, module] of snapshot.modules) {
    // Under src/ a module is importable only once the project is installed.
    if (path.startsWith('src/') && !installed) continue;
    const text = snapshot.texts.get(path)!;
    for (const app of WEB_APPS) {
      const factory = app.factory?.exec(text)?.[1];
      const variable = app.pattern.exec(text)?.[1];
      if (!variable && !factory) continue;
      if (!required.has(app.server)) {
        hints.push(`${path} creates a ${app.framework} app, but ${app.server} is not in the requirements: add it, or pass --cmd`);
        continue;
      }
      const target = variable ? `${module}:${variable}` : `${module}:${factory}()`;
      const made = variable ? `creates the ${app.framework} app "${variable}"` : `has the ${app.framework} app factory ${factory}()`;
      proposals.push(
        app.server === 'gunicorn'
          ? { argv: ['gunicorn', target], reason: `${path} ${made} and gunicorn is required (it binds 0.0.0.0:$PORT when PORT is set)`, defaultPort: 8000 }
          : { argv: ['uvicorn', target, '--host', '0.0.0.0', '--port', '8000'], reason: `${path} ${made} and uvicorn is required`, defaultPort: 8000 },
      );
    }
    // aiohttp is its own server: a module that calls web.run_app() starts it when run.
    if (/\bweb\.run_app\(|\baiohttp\.web\.run_app\(/.test(text) && /__name__\s*==\s*["']__main__["']/.test(text) && required.has('aiohttp')) {
      proposals.push({ argv: ['python', '-m', module], reason: `${path} starts an aiohttp server (web.run_app) when run, and aiohttp is required`, defaultPort: 8080 });
    }
  }
  if (installed) {
    for (const [name, target] of Object.entries(pyproject?.scripts ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      proposals.push({ argv: [name], reason: `[project.scripts] installs "${name}" (${target}) into the venv's bin`, defaultPort: null });
    }
  } else if (pyproject && Object.keys(pyproject.scripts).length > 0) {
    hints.push('[project.scripts] entries exist only once the project is installed: pass --install-project to use them');
  }
  for (const pkg of snapshot.packages) {
    if (!pkg.hasMain) continue;
    if (pkg.path.startsWith('src/') && !installed) continue;
    proposals.push({ argv: ['python', '-m', pkg.module], reason: `${pkg.path}/__main__.py makes the package runnable with python -m`, defaultPort: null });
  }
  return { proposals: dedupe(proposals), hints };
}

/** The Django settings module named in manage.py and its sibling wsgi.py, when both exist. */
function detectDjango(snapshot: ProjectSnapshot): { settings: string; wsgi: string; wsgiPath: string } | null {
  const manage = snapshot.texts.get('manage.py');
  if (manage === undefined) return null;
  // Django's generated manage.py: os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mysite.settings")
  // (https://docs.djangoproject.com/en/stable/ref/django-admin/).
  const settings = /DJANGO_SETTINGS_MODULE["']\s*,\s*["']([A-Za-z_][\w.]*)["']/.exec(manage)?.[1];
  if (!settings) return null;
  const base = settings.split('.').slice(0, -1).join('.');
  const wsgi = `${base}.wsgi`;
  const wsgiPath = [...snapshot.modules].find(([, module]) => module === wsgi)?.[0];
  return wsgiPath ? { settings, wsgi, wsgiPath } : null;
}

function dedupe(proposals: CommandProposal[]): CommandProposal[] {
  const seen = new Set<string>();
  return proposals.filter((proposal) => {
    const key = JSON.stringify(proposal.argv);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The port a command binds, when its argv says (`--port N`, `--bind HOST:N`, `-b HOST:N`). */
export function portInArgv(argv: readonly string[]): number | null {
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = inline ?? argv[i + 1];
    if (value === undefined) continue;
    if (flag === '--port' || flag === '-P') return /^[0-9]+$/.test(value) ? Number(value) : null;
    if (flag === '--bind' || flag === '-b') {
      const match = /:([0-9]+)$/.exec(value);
      if (match) return Number(match[1]);
    }
  }
  return null;
}

/** Programs that serve HTTP: a --cmd starting with one makes a web app (EXPOSE, ENV PORT). */
export const HTTP_SERVERS: Readonly<Record<string, number>> = { gunicorn: 8000, uvicorn: 8000, hypercorn: 8000, daphne: 8000, 'waitress-serve': 8080, granian: 8000 };
