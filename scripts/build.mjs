// Bundles the CLI into dist/ with esbuild: zero runtime dependencies, templates and knowledge
// inlined, and code split per command so each run loads only what it uses.
import { build } from 'esbuild';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

function readTree(dir, filter) {
  const out = {};
  const walk = (sub) => {
    for (const entry of readdirSync(join(dir, sub), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
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
    b.onLoad({ filter: /src[\\/]render[\\/]template-sources\.ts$/ }, () => ({
      loader: 'js',
      contents: `const T = ${JSON.stringify(readTree(join(root, 'templates'), (n) => n.endsWith('.hbs')))};
export function loadTemplateSources() { return T; }`,
    }));
    b.onLoad({ filter: /src[\\/]knowledge[\\/]sources\.ts$/ }, () => {
      const data = {
        data: readTree(join(root, 'src/knowledge/data'), (n) => n.endsWith('.json')),
        alpine: readTree(join(root, 'src/knowledge/alpine'), (n) => n.endsWith('.json')),
      };
      // Minified JSON kept as strings: parsed only when a command asks for the knowledge base.
      for (const folder of Object.values(data)) {
        for (const [name, text] of Object.entries(folder)) folder[name] = JSON.stringify(JSON.parse(text));
      }
      return { loader: 'js', contents: `const K = ${JSON.stringify(data)};\nexport function loadKnowledgeSources(folder) { return K[folder]; }` };
    });
  },
};

rmSync(join(root, 'dist'), { recursive: true, force: true });
await build({
  entryPoints: [join(root, 'src/cli.ts')],
  outdir: join(root, 'dist'),
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  minify: true,
  legalComments: 'none',
  chunkNames: 'chunks/[name]-[hash]',
  define: { __TOOL_VERSION__: JSON.stringify(pkg.version) },
  // CommonJS dependencies (handlebars) call require() on Node built-ins.
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  plugins: [inlineSources],
  logLevel: 'warning',
});
