// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'migrations/**',
      'coverage/**',
      'bin/**',
      'src/server/static/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      // a promise returned from inside try/catch must be awaited there, or its rejection escapes the catch
      '@typescript-eslint/return-await': ['error', 'in-try-catch'],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  // Browser code is checked against DOM types in its own project.
  {
    files: ['src/browser/**'],
    languageOptions: {
      parserOptions: {
        projectService: false,
        project: './tsconfig.browser.json',
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  // Layering: dependencies point inward (adapters -> core -> store/crypto).
  {
    files: ['src/crypto/**'],
    rules: restrict(
      [
        '../*',
        'hono',
        'hono/*',
        'telegraf',
        'telegraf/*',
        'drizzle-orm',
        'drizzle-orm/*',
        'better-sqlite3',
        'node:fs',
        'node:fs/*',
        'node:net',
        'node:http',
      ],
      'src/crypto is pure: bytes in, bytes out, no I/O and nothing else from src.',
    ),
  },
  {
    files: ['src/core/**'],
    rules: restrict(
      [
        'hono',
        'hono/*',
        '@hono/*',
        'telegraf',
        'telegraf/*',
        'drizzle-orm',
        'drizzle-orm/*',
        'better-sqlite3',
        'pg',
        '@electric-sql/*',
        '../server/*',
        '../bot/*',
        '../cli/*',
        '../store/*',
      ],
      'src/core is channel-free and storage-free: it depends on ports (core/ports.ts), not on adapters or drizzle.',
    ),
  },
  {
    files: ['src/store/**'],
    rules: restrict(
      ['hono', 'hono/*', 'telegraf', 'telegraf/*', '../server/*', '../bot/*', '../cli/*'],
      'src/store knows nothing of adapters.',
    ),
  },
  {
    files: ['src/browser/**'],
    rules: restrict(
      [
        'hono',
        'hono/*',
        '@hono/*',
        'telegraf',
        'drizzle-orm',
        'drizzle-orm/*',
        'better-sqlite3',
        'sharp',
        '@node-rs/*',
        'node:*',
        '../server/*',
        '../store/*',
        '../crypto/kdf.js',
        '../crypto/index.js',
      ],
      'src/browser runs in the tipster’s browser: only pure crypto files and dependency-free helpers.',
    ),
  },
  {
    files: ['src/server/**'],
    rules: restrict(
      [
        'telegraf',
        'telegraf/*',
        'drizzle-orm',
        'drizzle-orm/*',
        'better-sqlite3',
        'pg',
        '@electric-sql/*',
        '**/store/*',
        '**/store',
        '**/bot/*',
        '**/cli/*',
      ],
      'The web adapter talks to core only.',
    ),
  },
  {
    files: ['src/bot/**'],
    rules: restrict(
      [
        'hono',
        'hono/*',
        'drizzle-orm',
        'drizzle-orm/*',
        'better-sqlite3',
        'pg',
        '@electric-sql/*',
        '**/store/*',
        '**/store',
        '**/server/*',
        '**/cli/*',
      ],
      'The bot adapter talks to core only.',
    ),
  },
  // Adapters speak only to core: no store import, no reach through core into its store.
  {
    files: ['src/server/**', 'src/bot/**', 'src/cli/**', 'src/alerts/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[property.name='store']",
          message:
            'Adapters call named core functions (findDeskByName, listReviewers, …), never the store.',
        },
      ],
    },
  },
  {
    files: ['src/cli/**'],
    rules: restrict(
      [
        '**/store/*',
        '**/store',
        'drizzle-orm',
        'drizzle-orm/*',
        'better-sqlite3',
        'pg',
        '@electric-sql/*',
        '../server/*',
        '../bot/*',
      ],
      'The CLI talks to core (and the composition root) only.',
    ),
  },
  {
    files: ['src/alerts/**'],
    rules: restrict(
      [
        'hono',
        'hono/*',
        '@hono/*',
        'telegraf',
        'telegraf/*',
        'drizzle-orm',
        'drizzle-orm/*',
        'better-sqlite3',
        '../store/*',
        '../server/*',
        '../bot/*',
        '../cli/*',
      ],
      'src/alerts holds alert channel adapters (e-mail): they implement core ports and talk to core only.',
    ),
  },
  {
    files: ['test/**', 'bench/**'],
    rules: {
      'no-console': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
      // vitest's asymmetric matchers (expect.objectContaining) are typed any
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
);
