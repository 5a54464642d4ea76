// Bundles the CLI into dist/ with esbuild: zero runtime dependencies, templates and knowledge
// inlined, and code split per command so each run loads only what it uses.
import { build } from 'esbuild';
import Handlebars from 'handlebars';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

function readTree(dir, filter) {
  const out = {};
  const walk = (sub) => {
    for (const entry of readdirSync(join(dir, sub), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const rel = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(rel);
      else if (filter(entry.name)) out[rel] = readFileSync(join(dir, rel), 'utf8');
    }
  };
  walk('');
  return out;
}

/** Replaces the modules that read files from a checkout with their contents inlined. */
const inlineSources = {
  name: 'inline-sources',
  setup(b) {
    // Templates are precompiled (same options as src/render/engine.ts: noEscape, strict), so
    // the CLI needs only handlebars/runtime and compiles nothing at start-up.
    b.onLoad({ filter: /src[\\/]render[\\/]template-sources\.ts$/ }, () => {
      const templates = readTree(join(root, 'templates'), (n) => n.endsWith('.hbs'));
      const entries = Object.entries(templates).map(
        ([name, text]) =>
          `${JSON.stringify(name)}: ${Handlebars.precompile(text, { noEscape: true, strict: true, knownHelpers: { json: true, execForm: true }, knownHelpersOnly: true })}`,
      );
      return { loader: 'js', contents: `const T = {${entries.join(',\n')}};\nexport function loadTemplateSources() { return T; }` };
    });
    b.onLoad({ filter: /src[\\/]knowledge[\\/]sources\.ts$/ }, () => {
      // The stage facts (which libraries a base image has) and the Alpine names the data was
      // built from (the CLI warns about typos in added names), as minified JSON text parsed only
      // when a command asks for them: a string literal costs V8 next to nothing to compile.
      const folders = {
        stages: readTree(join(root, 'src/knowledge/stages'), (n) => n.endsWith('.json')),
        alpine: readTree(join(root, 'src/knowledge/alpine'), (n) => n.endsWith('.json')),
      };
      for (const folder of Object.values(folders)) {
        for (const [name, text] of Object.entries(folder)) folder[name] = JSON.stringify(JSON.parse(text));
      }
      // The data split per package, as loadKnowledgeEntrySources does from a checkout, but kept
      // out of the JavaScript: the entries are lines of dist/data/knowledge-entries.ndjson, read
      // on the first look-up, and the bundle holds only the names and each line's byte range.
      // V8 no longer parses ~300 KB of string literals at every start (create: 16M fewer
      // instructions of ~685M, valgrind, 2026-12-02).
      const files = {};
      const names = new Set();
      const lines = [];
      for (const [file, text] of Object.entries(readTree(join(root, 'src/knowledge/data'), (n) => n.endsWith('.json')))) {
        const data = JSON.parse(text);
        files[file] = { version: data.version, names: Object.keys(data.packages) };
        for (const [pkg, entry] of Object.entries(data.packages)) {
          if (names.has(pkg)) throw new Error(`knowledge: ${pkg} is defined twice (${file})`);
          names.add(pkg);
          lines.push(JSON.stringify(entry));
        }
      }
      const offsets = [0];
      for (const line of lines) offsets.push(offsets.at(-1) + Buffer.byteLength(line) + 1);
      mkdirSync(join(root, 'dist/data'), { recursive: true });
      writeFileSync(join(root, 'dist/data/knowledge-entries.ndjson'), lines.map((line) => `${line}\n`).join(''));
      return {
        loader: 'js',
        contents: [
          "import { readFileSync } from 'node:fs';",
          `const K = ${JSON.stringify(folders)};`,
          `const F = ${JSON.stringify(files)};`,
          `const O = ${JSON.stringify(offsets)};`,
          // data/ is bundled only split per package (loadKnowledgeEntrySources).
          "export function loadKnowledgeSources(folder) { if (!K[folder]) throw new Error('knowledge folder ' + folder + ' is not bundled as whole files'); return K[folder]; }",
          'let B;',
          'export function loadKnowledgeEntrySources() {',
          '  const index = new Map(Object.values(F).flatMap((file) => file.names).map((name, i) => [name, i]));',
          "  const textOf = (name) => { B ??= readFileSync(new URL('../data/knowledge-entries.ndjson', import.meta.url)); const i = index.get(name); return B.toString('utf8', O[i], O[i + 1] - 1); };",
          '  return { files: F, textOf };',
          '}',
        ].join('\n'),
      };
    });
  },
};

// CommonJS dependencies (@inquirer's yoctocolors-cjs, execa's cross-spawn) call require() on Node
// built-ins through esbuild's one __require shim; only the chunk holding it needs a `require`.
// process.getBuiltinModule (Node >= 20.16) serves built-ins without loading node:module and
// calling createRequire, which cost every run about 2 ms; the check after the build makes sure
// nothing but a built-in is ever required at run time.
const BANNER = 'const require = (id) => process.getBuiltinModule(id);';

/**
 * esbuild splits shared code into one chunk per set of entry points (each command and each lazy
 * import is one) that reach it: with five commands sharing different parts, `create` loaded 14
 * files, and each costs the ESM loader an open, a stat, a read and a link (create: 10M more
 * instructions than with its code in 6 files, valgrind, 2026-12-02). So every module `create`
 * imports statically is made reachable from every lazily loaded module of ours: they form one
 * shared chunk, which the other commands load too (update --check: fewer instructions as well;
 * explain: 1% more). A first pass finds that module set from the import graph.
 */
const OPTIONS = {
  absWorkingDir: root,
  entryPoints: [join(root, 'src/cli.ts')],
  outdir: join(root, 'dist'),
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  minify: process.env.BUILD_NO_MINIFY !== '1',
  legalComments: 'none',
  chunkNames: 'chunks/[name]-[hash]',
  define: { __TOOL_VERSION__: JSON.stringify(pkg.version) },
  // CommonJS dependencies (handlebars) call require() on Node built-ins.
  banner: { js: BANNER },
  plugins: [inlineSources],
  // The bundle renders precompiled templates: the compiler half of Handlebars is dead weight. The
  // runtime from its ES module sources (lib/), not the CommonJS build: no module wrapper to run
  // at start-up, and unused parts shaken out (create: 7M fewer instructions, valgrind, 2026-12-02).
  alias: { handlebars: 'handlebars/lib/handlebars.runtime.js' },
  logLevel: 'warning',
  metafile: true,
};

/** The modules `create` loads statically (its own folder aside), and our other lazily loaded modules. */
async function createCore() {
  const { metafile } = await build({ ...OPTIONS, write: false, metafile: true, logLevel: 'silent' });
  const reached = new Set();
  const walk = (path) => {
    if (reached.has(path) || !metafile.inputs[path]) return;
    reached.add(path);
    for (const item of metafile.inputs[path].imports) if (item.kind === 'import-statement' && !item.external) walk(item.path);
  };
  walk('src/commands/create/index.ts');
  if (reached.size < 2) throw new Error('build: src/commands/create/index.ts is not in the import graph (moved?): update createCore');
  const lazy = Object.values(metafile.inputs).flatMap((input) => input.imports.filter((item) => item.kind === 'dynamic-import' && !item.external).map((item) => item.path));
  return {
    core: [...reached].filter((path) => !path.startsWith('src/commands/create/')).sort(),
    lazy: new Set(lazy.filter((path) => path.startsWith('src/') && path !== 'src/commands/create/index.ts')),
  };
}

const { core, lazy } = await createCore();
/** Prepends `import 'slim-core'` (a module importing every core module) to each lazy module of ours. */
const sharedCore = {
  name: 'shared-core',
  setup(b) {
    b.onResolve({ filter: /^slim-core$/ }, () => ({ path: 'slim-core', namespace: 'slim-core' }));
    b.onLoad({ filter: /.*/, namespace: 'slim-core' }, () => ({
      contents: core.map((path) => `import ${JSON.stringify(join(root, path))};`).join('\n'),
      loader: 'js',
      resolveDir: root,
    }));
    b.onLoad({ filter: /\.ts$/ }, (args) => {
      if (!lazy.has(relative(root, args.path))) return undefined;
      return { contents: `import 'slim-core';\n${readFileSync(args.path, 'utf8')}`, loader: 'ts' };
    });
  },
};

rmSync(join(root, 'dist'), { recursive: true, force: true });
const result = await build({ ...OPTIONS, plugins: [...OPTIONS.plugins, sharedCore], metafile: true });

// Every require() left in the bundle must name a Node built-in (BANNER serves nothing else).
const required = Object.values(result.metafile.inputs).flatMap((input) => input.imports.filter((item) => item.kind === 'require-call' && item.external).map((item) => item.path));
const foreign = [...new Set(required)].filter((id) => !isBuiltin(id));
if (foreign.length > 0) throw new Error(`the bundle requires modules that are not Node built-ins at run time: ${foreign.join(', ')}`);

// Every chunk got the banner; drop it where nothing uses `require`.
for (const file of [join(root, 'dist/cli.js'), ...readdirSync(join(root, 'dist/chunks')).map((name) => join(root, 'dist/chunks', name))]) {
  const text = readFileSync(file, 'utf8');
  const body = text.startsWith(BANNER) ? text.slice(BANNER.length) : null;
  if (body !== null && !/\brequire\b/.test(body)) writeFileSync(file, body.replace(/^\n/, ''));
}
