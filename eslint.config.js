// ESLint flat config: the recommended JavaScript and typescript-eslint rules (syntax only, no type
// information: fast enough to run before every test run), plus the size limit our style sets for
// a source module (STYLE.md: "a module past ~250 lines is asking to be split").
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  // Build output, installed tools, and what tests and tools generate.
  { ignores: ['dist/', 'node_modules/', '.venv-ci/', '.venv-tools/', 'reports/', '.stryker-tmp*/', '.tmp/', 'bench/out/', 'reference-app/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // The root named, so a sandbox copy of the project (a Stryker run's) is not a second candidate.
    languageOptions: { globals: { ...globals.node }, parserOptions: { tsconfigRootDir: import.meta.dirname } },
    rules: {
      // `_`-prefixed names are deliberately unused (a parameter kept for a signature).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // A `let` read by a closure before its one assignment (init's gather step) cannot be a const.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: { 'max-lines': ['error', { max: 250, skipBlankLines: false, skipComments: false }] },
  },
);
