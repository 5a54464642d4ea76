/**
 * dependency-cruiser (17.x: 18 needs Node 22): imports inside src/ run one way, from a higher
 * layer down to a lower one, and never in a circle (issue #9). Layers, low to high; folders on
 * one line are peers and may import each other:
 *   0 errors.ts, sort.ts, version.ts, io/, target/   the kernel
 *   1 requirements/, validate/, render/, merge/, args/
 *   2 knowledge/
 *   3 project/, online/
 *   4 size/
 *   5 plan/
 *   6 apply/
 *   7 commands/
 *   8 main.ts, cli.ts                                 the entry
 * A module in no layer fails "not-in-a-layer", so a new folder has to be placed here first.
 * Type-only imports count: they couple the layers as much as value imports do.
 * An upward import that is kept on purpose goes in ALLOWED_UPWARD with the reason.
 */
const LAYERS = [
  ['errors\\.ts', 'sort\\.ts', 'version\\.ts', 'io/', 'target/'],
  ['requirements/', 'validate/', 'render/', 'merge/', 'args/'],
  ['knowledge/'],
  ['project/', 'online/'],
  ['size/'],
  ['plan/'],
  ['apply/'],
  ['commands/'],
  ['main\\.ts', 'cli\\.ts'],
];

/** Upward imports kept on purpose: { from, to, why } with path regexes. */
const ALLOWED_UPWARD = [];

const layerPath = (members) => `^src/(${members.join('|')})`;

const upward = LAYERS.slice(0, -1).map((members, index) => ({
  name: `layer-${index}-imports-upward`,
  comment: `layer ${index} (${members.join(', ').replace(/\\\\/g, '')}) imports from a higher layer: move the shared code down, or invert the dependency`,
  severity: 'error',
  from: { path: layerPath(members) },
  to: {
    path: layerPath(LAYERS.slice(index + 1).flat()),
    ...(ALLOWED_UPWARD.length > 0 ? { pathNot: ALLOWED_UPWARD.map((allowed) => allowed.to) } : {}),
  },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'this module is part of an import cycle',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-in-a-layer',
      comment: 'a source module outside every layer: add its folder to LAYERS in .dependency-cruiser.cjs',
      severity: 'error',
      from: { path: '^src/', pathNot: layerPath(LAYERS.flat()) },
      to: {},
    },
    ...upward,
  ],
  options: {
    includeOnly: '^src/',
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.json'] },
  },
};
