// The TypeScript's habits, checked by `.ci/run` (`npm run lint`, with `prettier --check`): a small rule set,
// type-aware where it finds real bugs (a promise nobody awaits or catches). Formatting is Prettier's business
// (`npm run format`, printWidth 120).
import tseslint from 'typescript-eslint';

/**
 * Lines of at most 120 columns. Prettier (`npm run format`) wraps code; comments are wrapped by hand, and long strings,
 * URLs and regexes, which Prettier leaves whole, are exempt.
 */
const LINE_LENGTH = 'error';

/** Node's globals, for the .mjs scripts (TypeScript knows them from @types/node). */
const NODE_GLOBALS = Object.fromEntries(
  [
    'process',
    'console',
    'URL',
    'URLSearchParams',
    'Buffer',
    'setTimeout',
    'clearTimeout',
    'setInterval',
    'clearInterval',
    'setImmediate',
    'performance',
    'fetch',
    'structuredClone',
    'TextEncoder',
    'TextDecoder',
    'AbortController',
    'queueMicrotask',
  ].map((name) => [name, 'readonly']),
);

const common = {
  eqeqeq: ['error', 'always', { null: 'ignore' }],
  'prefer-const': 'error',
  'no-var': 'error',
  'no-throw-literal': 'error',
  'no-debugger': 'error',
  'max-len': [
    LINE_LENGTH,
    { code: 120, ignoreUrls: true, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true },
  ],
};

export default tseslint.config(
  {
    ignores: [
      '**/out/**',
      'dist/**',
      '**/node_modules/**',
      'test/vendor/**',
      '**/*.d.ts',
      'coverage/**',
      '.bench/**',
      'fuzz-out/**',
    ],
  },
  {
    files: ['**/*.ts', '**/*.cts'],
    extends: [tseslint.configs.base],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      ...common,
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/no-explicit-any': 'warn',
      // node:test's test()/describe() return promises the runner awaits.
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            {
              from: 'package',
              package: 'node:test',
              name: ['test', 'describe', 'it', 'suite', 'before', 'after', 'beforeEach', 'afterEach'],
            },
          ],
        },
      ],
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { globals: NODE_GLOBALS },
    rules: {
      ...common,
      'no-unused-vars': ['error', { args: 'none', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'no-undef': 'error',
    },
  },
  {
    // Functions that Playwright runs in the page.
    files: ['test/e2e/**/*.mjs'],
    languageOptions: { globals: { document: 'readonly', window: 'readonly' } },
  },
);
