// Bundles the CLI into dist/ with esbuild: zero runtime dependencies, templates and knowledge
// inlined, and code split per command so each run loads only what it uses.
import { build } from 'esbuild';
import Handlebars from 'handlebars';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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
      const entries = Object.entries(templates).map(([name, text]) => `${JSON.stringify(name)}: ${Handlebars.precompile(text, { noEscape: true, strict: true })}`);
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
      // The data split per package, as loadKnowledgeEntrySources does from a checkout: a run
      // parses only the entries it looks up.
      const entries = {};
      for (const [name, text] of Object.entries(readTree(join(root, 'src/knowledge/data'), (n) => n.endsWith('.json')))) {
        const data = JSON.parse(text);
        entries[name] = { version: data.version, packages: Object.fromEntries(Object.entries(data.packages).map(([pkg, entry]) => [pkg, JSON.stringify(entry)])) };
      }
      return {
        loader: 'js',
        contents: [
          `const K = ${JSON.stringify(folders)};`,
          `const E = ${JSON.stringify(entries)};`,
          // data/ is bundled only split per package (loadKnowledgeEntrySources).
          "export function loadKnowledgeSources(folder) { if (!K[folder]) throw new Error('knowledge folder ' + folder + ' is not bundled as whole files'); return K[folder]; }",
          'export function loadKnowledgeEntrySources() { return E; }',
        ].join('\n'),
      };
    });
  },
};

// CommonJS dependencies (handlebars, yoctocolors' users) call require() on Node built-ins through
// esbuild's one __require shim; only the chunk holding it needs a real `require`.
const BANNER = "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);";

rmSync(join(root, 'dist'), { recursive: true, force: true });
await build({
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
  // The bundle renders precompiled templates: the compiler half of Handlebars is dead weight.
  alias: { handlebars: 'handlebars/runtime' },
  logLevel: 'warning',
});

// Every chunk got the banner; drop it where nothing uses `require`: each createRequire costs start-up
// time, and the scaffold loads 14 chunks.
for (const file of [join(root, 'dist/cli.js'), ...readdirSync(join(root, 'dist/chunks')).map((name) => join(root, 'dist/chunks', name))]) {
  const text = readFileSync(file, 'utf8');
  const body = text.startsWith(BANNER) ? text.slice(BANNER.length) : null;
  if (body !== null && !/\brequire\b/.test(body)) writeFileSync(file, body.replace(/^\n/, ''));
}
