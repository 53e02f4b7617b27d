// ESLint (flat config): @eslint/js recommended everywhere, typescript-eslint recommended for the TypeScript
// (src/**, test/**), node globals for the scripts. `npm run lint` runs it with --max-warnings 0 after tsc --noEmit.
import { defineConfig } from 'eslint/config';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The node globals the scripts use (the `globals` package is not a dependency; this is the subset that matters).
const nodeGlobals = Object.fromEntries(
  [
    'AbortController', 'AbortSignal', 'Blob', 'Buffer', 'URL', 'URLSearchParams', 'TextDecoder', 'TextEncoder',
    'clearImmediate', 'clearInterval', 'clearTimeout', 'console', 'crypto', 'fetch', 'FormData', 'global', 'globalThis',
    'Headers', 'performance', 'process', 'queueMicrotask', 'Request', 'Response', 'setImmediate', 'setInterval',
    'setTimeout', 'structuredClone', 'WebSocket',
  ].map((name) => [name, 'readonly']),
);
const commonJsGlobals = { require: 'readonly', module: 'writable', exports: 'writable', __dirname: 'readonly', __filename: 'readonly' };

export default defineConfig(
  {
    ignores: [
      'out/**', 'dist/**', 'node_modules/**', '.bench/**', '.ci/**', 'test-results/**', 'media/**',
      'test/specs/**', // fetched azure-rest-api-specs
      'test/fixtures/pseudo-language-pack/**', // generated language pack
      'l10n/**', // generated bundles
      '**/*.vsix',
    ],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  js.configs.recommended,
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: nodeGlobals },
  },
  {
    // Playwright scripts: the callbacks given to page.evaluate / waitForFunction run in the browser.
    files: ['test/e2e/**/*.mjs'],
    languageOptions: { globals: { document: 'readonly', navigator: 'readonly', window: 'readonly' } },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { ecmaVersion: 2022, sourceType: 'commonjs', globals: { ...nodeGlobals, ...commonJsGlobals } },
  },
  {
    files: ['src/**/*.ts', 'test/**/*.ts'],
    extends: [tseslint.configs.recommended],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // node:test's describe/it/test return promises that the runner itself awaits.
      '@typescript-eslint/no-floating-promises': [
        'error',
        { allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['describe', 'it', 'test', 'suite'] }] },
      ],
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/only-throw-error': 'error',
      '@typescript-eslint/no-for-in-array': 'error',
      '@typescript-eslint/no-array-delete': 'error',
      '@typescript-eslint/no-implied-eval': 'error',
      // `const { omitted: _x, ...rest } = o` is how the code drops properties.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
    },
  },
  {
    rules: {
      // == null (null or undefined) stays allowed; every other comparison is strict.
      eqeqeq: ['error', 'smart'],
    },
  },
);
