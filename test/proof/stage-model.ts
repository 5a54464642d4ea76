/**
 * A model of what each stage of a generated Dockerfile contains, built only from sourced facts
 * (src/knowledge/stages: base image package lists, what each Alpine package provides, shell
 * builtins), walked instruction by instruction. It reports what a real build would trip over
 * where nothing can run here: a command a RUN invokes that the stage lacks, a compile step without
 * Python.h, pip or venv where they are not, a release stage with a compiler, a -dev package or a
 * package-manager cache. Data-driven: a new base image or release layout needs facts, not code.
 */
import { DockerfileParser, type Copy, type Env, type From, type Instruction, type JSONInstruction, type Run } from 'dockerfile-ast';
import { imagePackages, loadStageFacts, needsFontCache, withDependencies, type Provides, type StageFacts } from '../../src/knowledge/stage-facts.ts';
import { extractRunScripts, type RunScript } from '../support/linters.ts';
import { invokedCommands, type Invocation } from '../support/shell-commands.ts';

export interface Finding {
  line: number;
  stage: string;
  problem: string;
}

/** What one stage holds at a point of the walk. */
export interface StageState {
  name: string;
  image: string;
  packages: Set<string>;
  /** Folders of files outside apk (folder -> what it provides), from the image or a COPY. */
  paths: Map<string, Provides>;
  /** Virtual environments created (or copied) in this stage. */
  venvs: Set<string>;
  /** Where each venv's interpreter comes from: `package:python3` or `path:/usr/local`. */
  venvInterpreter: Map<string, string>;
  /** Folders `pip install --target` filled: their bin/ holds the wheels' scripts (uv's binary). */
  targets: Set<string>;
  shell: string;
  /** ENV values set in this stage (later ones win). */
  env: Map<string, string>;
  /** The USER the stage ends with (null: root). */
  user: string | null;
  /** Set when a step adds packages the model cannot list (an `xargs apk add` of a computed list). */
  computedPackages: boolean;
}

export interface StageModel {
  stages: StageState[];
  findings: Finding[];
  /** Commands checked, for the log. */
  checkedCommands: number;
}

const DEFAULT_SHELL = '/bin/sh';

/** All that a stage provides: its packages' facts (with dependencies) and its folders. */
export function provided(state: StageState, facts: StageFacts): Required<Omit<Provides, 'compiler' | 'fontCache'>> & { compilers: string[] } {
  const all = { commands: new Set<string>(), headers: new Set<string>(), sonames: new Set<string>(), pythonModules: new Set<string>(), compilers: new Set<string>() };
  const add = (what: Provides, origin: string): void => {
    for (const key of ['commands', 'headers', 'sonames', 'pythonModules'] as const) for (const value of what[key] ?? []) all[key].add(value);
    if (what.compiler) all.compilers.add(origin);
  };
  for (const name of withDependencies(state.packages, facts)) add(facts.packages[name] ?? {}, name);
  for (const [path, what] of state.paths) add(what, path);
  return {
    commands: [...all.commands],
    headers: [...all.headers],
    sonames: [...all.sonames],
    pythonModules: [...all.pythonModules],
    compilers: [...all.compilers],
  };
}

/** Which provider gives the stage its `python3`: a package or a folder (for venv copies). */
function interpreterOrigin(state: StageState, facts: StageFacts): string | null {
  for (const [path, what] of state.paths) if (what.commands?.includes('python3')) return `path:${path}`;
  for (const name of withDependencies(state.packages, facts)) if (facts.packages[name]?.commands?.includes('python3')) return `package:${name}`;
  return null;
}

function lineOf(instruction: Instruction): number {
  return instruction.getRange().start.line + 1;
}

/** Walks a Dockerfile's stages over the facts and returns every finding. */
export function modelDockerfile(text: string, facts: StageFacts = loadStageFacts()): StageModel {
  const dockerfile = DockerfileParser.parse(text);
  const runs = new Map<number, RunScript>(extractRunScripts(text).map((run) => [run.line, run]));
  const stages: StageState[] = [];
  const findings: Finding[] = [];
  let checkedCommands = 0;
  let state: StageState | undefined;
  const report = (instruction: Instruction, problem: string): void => {
    findings.push({ line: lineOf(instruction), stage: state?.name ?? '?', problem });
  };

  // ARGs declared before the first FROM parameterise FROM lines (the Alpine release of every stage).
  const globalArgs = new Map<string, string>();
  for (const instruction of dockerfile.getInstructions()) {
    const keyword = instruction.getKeyword();
    if (keyword === 'ARG' && stages.length === 0) {
      const match = /^([A-Za-z_][A-Za-z0-9_]*)=(\S+)$/.exec(instruction.getArgumentsContent() ?? '');
      if (match) globalArgs.set(match[1]!, match[2]!);
      continue;
    }
    if (keyword === 'FROM') {
      const from = instruction as From;
      const written = from.getImageName() + (from.getImageTag() ? `:${from.getImageTag()!}` : '');
      const image = written.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (all, name: string) => globalArgs.get(name) ?? all);
      const parent = stages.find((stage) => stage.name === image);
      const name = from.getBuildStage() ?? String(stages.length);
      if (parent) {
        state = {
          ...parent,
          name,
          packages: new Set(parent.packages),
          paths: new Map(parent.paths),
          venvs: new Set(parent.venvs),
          venvInterpreter: new Map(parent.venvInterpreter),
          targets: new Set(parent.targets),
          shell: DEFAULT_SHELL,
          env: new Map(parent.env),
          user: parent.user,
        };
      } else {
        const base = facts.images[image];
        if (!base) {
          report(instruction, `no stage facts for ${image}: add it to src/knowledge/stages/base-images.json with its source`);
          state = {
            name,
            image,
            packages: new Set(),
            paths: new Map(),
            venvs: new Set(),
            venvInterpreter: new Map(),
            targets: new Set(),
            shell: DEFAULT_SHELL,
            env: new Map(),
            user: null,
            computedPackages: false,
          };
        } else {
          const paths = new Map<string, Provides>();
          for (let img: string | null = image; img; img = facts.images[img]?.from ?? null) {
            for (const [path, what] of Object.entries(facts.images[img]?.paths ?? {})) if (!paths.has(path)) paths.set(path, what);
          }
          state = {
            name,
            image,
            packages: new Set(imagePackages(image, facts)),
            paths,
            venvs: new Set(),
            venvInterpreter: new Map(),
            targets: new Set(),
            shell: DEFAULT_SHELL,
            env: new Map(),
            user: null,
            computedPackages: false,
          };
        }
      }
      stages.push(state);
      continue;
    }
    if (!state) continue;
    if (keyword === 'SHELL') {
      const shell = runsShell(instruction);
      if (shell) state.shell = shell;
      continue;
    }
    if (keyword === 'ENV') {
      for (const property of (instruction as Env).getProperties()) state.env.set(property.getName(), property.getValue() ?? '');
      continue;
    }
    if (keyword === 'USER') {
      state.user = instruction.getArgumentsContent();
      continue;
    }
    if (keyword === 'COPY') {
      copyFromStage(instruction as Copy, state, stages);
      continue;
    }
    if (keyword === 'CMD') {
      const argv = (instruction as JSONInstruction).getJSONStrings().map((value) => value.getJSONValue());
      if (argv[0] === 'python' || argv[0] === 'python3') {
        if (state.venvs.size === 0 && interpreterOrigin(state, facts) === null) report(instruction, `CMD runs ${argv[0]} but the stage has no interpreter`);
      }
      continue;
    }
    if (keyword !== 'RUN') continue;
    const run = runs.get(lineOf(instruction));
    if (!run) continue; // exec form
    checkedCommands += walkRun(run, instruction as Run, state, facts, report);
  }

  const release = stages[stages.length - 1];
  if (release) checkRelease(release, facts, findings, text);
  return { stages, findings, checkedCommands };
}

/** The SHELL instruction's executable. */
function runsShell(instruction: Instruction): string | null {
  return (instruction as JSONInstruction).getJSONStrings()[0]?.getJSONValue() ?? null;
}

/** `COPY --from=STAGE SRC DEST`: a venv or a folder of the other stage comes along. */
function copyFromStage(copy: Copy, state: StageState, stages: StageState[]): void {
  const fromFlag = copy.getFromFlag();
  if (!fromFlag) return;
  const source = stages.find((stage) => stage.name === fromFlag.getValue());
  if (!source) return;
  const args = copy.getArguments().map((arg) => arg.getValue());
  const dest = args[args.length - 1]!;
  for (const src of args.slice(0, -1)) {
    const trimmed = src.replace(/\/$/, '');
    if (source.venvs.has(trimmed)) {
      state.venvs.add(dest.replace(/\/$/, ''));
      const origin = source.venvInterpreter.get(trimmed);
      if (origin) state.venvInterpreter.set(dest.replace(/\/$/, ''), origin);
    }
    for (const [path, what] of source.paths) {
      if (path === trimmed || path.startsWith(`${trimmed}/`)) state.paths.set(path.replace(trimmed, dest.replace(/\/$/, '')), what);
    }
  }
}

type Report = (instruction: Instruction, problem: string) => void;

/** Checks and applies one RUN script; returns how many commands it checked. */
function walkRun(run: RunScript, instruction: Run, state: StageState, facts: StageFacts, report: Report): number {
  const shell = facts.shells[run.shell[0]!];
  if (!shell) report(instruction, `no facts for the shell ${run.shell[0]!}`);
  const shellBinary = run.shell[0]!.split('/').pop()!;
  if (!provided(state, facts).commands.includes(shellBinary)) report(instruction, `the SHELL ${run.shell[0]!} is not in the stage`);
  const calls = invokedCommands(run.script);
  let checked = 0;
  for (const call of calls) {
    checked += 1;
    const have = provided(state, facts);
    const name = call.name;
    if (name === null) {
      report(instruction, 'a command name that is not a literal word: the model cannot check it');
      continue;
    }
    const isBuiltin = shell?.builtins.includes(name) ?? false;
    if (name.includes('/')) {
      const venv = [...state.venvs, ...state.targets].find((dir) => name.startsWith(`${dir}/bin/`));
      if (!venv) report(instruction, `${name} is not in the stage`);
    } else if (!isBuiltin && !have.commands.includes(name)) {
      report(instruction, `${name} is not in the stage (${state.image})`);
    }
    if (name === 'python3' || name === 'python') checkPython(call, instruction, state, facts, report);
    if (name === 'cp') applyCopy(call, state);
    if (name === 'rm') applyRemove(call, state);
    if (name === 'apk' && call.args[0] === 'add') applyApkAdd(call, run, instruction, state, facts, report);
    if (name === 'pip' || name === 'pip3') report(instruction, 'pip runs outside `python3 -m pip`: it would install into the base interpreter');
    if (name.split('/').pop() === 'uv') checkUv(call, instruction, state, facts, report);
  }
  return checked;
}

/**
 * uv (its static binary, from a pip --target folder): `uv sync` into UV_PROJECT_ENVIRONMENT,
 * `uv venv DIR`, `uv pip install --python VENV/bin/python`. The interpreter given with --python
 * must be the stage's own (where it lives: /usr/local of the python images, /usr/bin of Alpine's
 * python3), downloads of another Python must be off, the lock used as it is (--frozen), and what
 * compiles needs Python.h, as with pip.
 */
function checkUv(call: Invocation, instruction: Run, state: StageState, facts: StageFacts, report: Report): void {
  const [command, ...rest] = call.args;
  const have = provided(state, facts);
  const option = (flag: string): string | null => {
    const at = rest.indexOf(flag);
    return at >= 0 ? (rest[at + 1] ?? null) : null;
  };
  const interpreter = (path: string | null): string | null => {
    if (path === null || path.split('/').pop() !== 'python3') return null;
    if (path.startsWith('/usr/local/bin/')) return state.paths.get('/usr/local')?.commands?.includes('python3') ? 'path:/usr/local' : null;
    if (path.startsWith('/usr/bin/')) return withDependencies(state.packages, facts).find((name) => facts.packages[name]?.commands?.includes('python3')) ?? null;
    return null;
  };
  const makeVenv = (dir: string, python: string | null): void => {
    const origin = interpreter(python);
    if (origin === null) report(instruction, `uv ${String(command)} --python ${String(python)}: not an interpreter of the stage`);
    state.venvs.add(dir);
    if (origin) state.venvInterpreter.set(dir, origin.includes(':') ? origin : `package:${origin}`);
  };
  if (state.env.get('UV_PYTHON_DOWNLOADS') !== 'never') report(instruction, 'uv runs without UV_PYTHON_DOWNLOADS=never: it may download another Python than the release copies');
  if (command === 'sync') {
    if (!rest.includes('--frozen')) report(instruction, 'uv sync without --frozen: it may resolve again instead of installing the lock');
    const environment = state.env.get('UV_PROJECT_ENVIRONMENT');
    if (!environment) report(instruction, 'uv sync without UV_PROJECT_ENVIRONMENT: it installs into the project folder, not the venv the release copies');
    else if (!state.venvs.has(environment)) makeVenv(environment, option('--python'));
  } else if (command === 'venv') {
    const dir = rest.filter((arg): arg is string => arg !== null && !arg.startsWith('-') && arg !== option('--python')).pop();
    if (dir) makeVenv(dir, option('--python'));
  } else if (command === 'pip' && rest[0] === 'install') {
    const target = option('--python');
    if (!(target && [...state.venvs].some((dir) => target.startsWith(`${dir}/`)))) report(instruction, `uv pip install --python ${String(target)}: no such venv in the stage`);
  } else {
    report(instruction, `uv ${String(command)}: the model does not know this command`);
  }
  if (have.compilers.length > 0 && !have.headers.includes('Python.h'))
    report(instruction, `uv installs with a compiler (${have.compilers.join(', ')}) but no Python.h in the stage`);
}

/**
 * `cp [-a] SRC... DEST/` out of a folder the facts describe (the interpreter copy into
 * /opt/python): the new tree provides what was copied of it. A `bin/` file brings that command,
 * a `lib/` file that soname, the `lib/pythonX.Y` folder the Python modules, `include/` the headers.
 */
function applyCopy(call: Invocation, state: StageState): void {
  const args = call.args.filter((arg): arg is string => arg !== null && !arg.startsWith('-'));
  if (args.length < 2) return;
  const dest = args[args.length - 1]!.replace(/\/$/, '');
  for (const src of args.slice(0, -1)) {
    const known = [...state.paths.entries()].find(([path]) => src.startsWith(`${path}/`));
    if (!known) continue;
    const [origin, what] = known;
    const rel = src.slice(origin.length + 1);
    const [top, ...rest] = rel.split('/');
    const base = rest.join('/');
    // DEST mirrors SRC's folder: /usr/local/bin/python3 -> /opt/python/bin/ makes /opt/python.
    const root = dest.endsWith(`/${top}`) ? dest.slice(0, -top!.length - 1) : dest;
    const tree = state.paths.get(root) ?? {};
    const add = (key: 'commands' | 'sonames' | 'headers' | 'pythonModules', values: readonly string[]): void => {
      tree[key] = [...new Set([...(tree[key] ?? []), ...values])].sort();
    };
    if (top === 'bin' && what.commands?.includes(base)) add('commands', [base]);
    if (top === 'lib' && what.sonames?.includes(base)) add('sonames', [base]);
    if (top === 'lib' && /^python\d+\.\d+$/.test(base)) add('pythonModules', what.pythonModules ?? []);
    if (top === 'include') add('headers', what.headers ?? []);
    state.paths.set(root, tree);
  }
}

/**
 * Modules the python images install into site-packages (ensurepip puts pip there); the rest of
 * their `pythonModules` are standard library folders of the same name.
 */
const SITE_PACKAGES_MODULES = ['pip'];

/** `rm -rf ROOT/lib/pythonX.Y/MODULE` (or `site-packages/*`) takes the module out of a copied tree. */
function applyRemove(call: Invocation, state: StageState): void {
  for (const arg of call.args) {
    if (arg === null || arg.startsWith('-')) continue;
    const match = /^(.+)\/lib\/python\d+\.\d+\/(.+)$/.exec(arg);
    if (!match) continue;
    const tree = state.paths.get(match[1]!);
    if (!tree?.pythonModules) continue;
    const gone = match[2] === 'site-packages/*' ? SITE_PACKAGES_MODULES : [match[2]!];
    tree.pythonModules = tree.pythonModules.filter((module) => !gone.includes(module));
  }
}

/** `python3 -m venv DIR` and `python3 -m pip ... install`: the modules, the venv, Python.h. */
function checkPython(call: Invocation, instruction: Run, state: StageState, facts: StageFacts, report: Report): void {
  const have = provided(state, facts);
  const moduleAt = call.args.indexOf('-m');
  if (moduleAt < 0) return;
  const module = call.args[moduleAt + 1];
  if (!module || !have.pythonModules.includes(module)) report(instruction, `python3 -m ${String(module)}: no ${String(module)} module in the stage`);
  const rest = call.args.slice(moduleAt + 2);
  if (module === 'venv') {
    const dir = rest.filter((arg) => arg !== null && !arg.startsWith('-')).pop();
    if (dir) {
      state.venvs.add(dir);
      const origin = interpreterOrigin(state, facts);
      if (origin) state.venvInterpreter.set(dir, origin);
    }
  }
  if (module === 'pip' && rest.includes('install')) {
    const into = rest.indexOf('--target');
    if (into >= 0 && typeof rest[into + 1] === 'string') state.targets.add(rest[into + 1]!);
    const target = rest[rest.indexOf('--python') + 1];
    if (rest.includes('--python') && !(target && [...state.venvs].some((dir) => target.startsWith(`${dir}/`)))) {
      report(instruction, `pip --python ${String(target)}: no such venv in the stage`);
    }
    // Something may compile (a compiler is present): the C extension build includes Python.h.
    if (have.compilers.length > 0 && !have.headers.includes('Python.h')) {
      report(instruction, `pip install with a compiler (${have.compilers.join(', ')}) but no Python.h in the stage`);
    }
  }
}

/** `apk add`: --no-cache (no index cache in the layer), then the packages join the stage. */
function applyApkAdd(call: Invocation, run: RunScript, instruction: Run, state: StageState, facts: StageFacts, report: Report): void {
  const args = call.args.slice(1);
  const cacheMount = run.flags.some((flag) => /type=cache/.test(flag) && /target=\/var\/cache\/apk/.test(flag));
  if (!args.includes('--no-cache') && !cacheMount) report(instruction, 'apk add without --no-cache leaves the package index in the layer');
  const packages: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i];
    if (arg === null || arg === undefined) continue;
    if (arg === '--virtual' || arg === '-t') i += 1;
    else if (!arg.startsWith('-')) packages.push(arg);
  }
  for (const name of withDependencies(packages, facts)) state.packages.add(name);
  if (call.via === 'xargs') state.computedPackages = true;
}

/** The release stage: no compiler, no -dev package, no package cache, an interpreter for the venv. */
function checkRelease(release: StageState, facts: StageFacts, findings: Finding[], text: string): void {
  const at = (problem: string): void => {
    findings.push({ line: 0, stage: release.name, problem });
  };
  const have = provided(release, facts);
  if (have.compilers.length > 0) at(`the release stage has a compiler (${have.compilers.join(', ')})`);
  const dev = [...release.packages].filter((name) => name.endsWith('-dev') || name === 'build-base');
  if (dev.length > 0) at(`the release stage has build packages: ${dev.sort().join(', ')}`);
  // fontconfig under a non-root user: its HOME is / (no passwd entry), so it needs XDG_CACHE_HOME
  // somewhere writable (/tmp is 1777 in every Alpine base), and a system cache built as root.
  if (needsFontCache(release.packages, facts) && release.user !== null && !/^\/tmp(\/|$)/.test(release.env.get('XDG_CACHE_HOME') ?? '')) {
    at(`fontconfig runs as ${release.user} with no writable cache (set XDG_CACHE_HOME under /tmp)`);
  }
  if (needsFontCache(release.packages, facts) && !/\bfc-cache\b/.test(text.slice(text.lastIndexOf('\nFROM ')))) {
    at('fontconfig is in the release stage but its font cache is never built (fc-cache)');
  }
  for (const [venv, origin] of release.venvInterpreter) {
    const kind = origin.split(':')[0];
    const where = origin.slice(kind!.length + 1);
    const present = kind === 'path' ? release.paths.has(where) : withDependencies(release.packages, facts).includes(where);
    if (!present) at(`${venv} was made with the interpreter of ${origin}, which the release stage lacks`);
  }
  if (/--mount=type=cache,target=\/root\/\.cache\/pip/.test(text) === false && /pip\b.*install/.test(text)) {
    at('pip install runs without a cache mount: its cache would stay in a layer');
  }
  // Every uv step (uv sync, uv pip install) has uv's cache in a mount, never in a layer.
  for (const step of text.split(/\n(?=RUN )/).filter((run) => /\/uv (sync|pip install)\b/.test(run))) {
    if (!step.includes('--mount=type=cache,target=/root/.cache/uv')) at(`uv runs without a cache mount: ${step.split('\n')[0]}`);
  }
  if (release.targets.size > 0 || [...release.paths.keys()].some((path) => path.startsWith('/opt/uv'))) at('the release stage has uv');
}
