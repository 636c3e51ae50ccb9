import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

/**
 * Module boundaries are enforced, not promised (DESIGN.md, Layout):
 * - packages/domain may import only zod and fp-ts: no node:*, no NestJS, no database client;
 * - no package may import from apps/: dependencies point from apps to packages.
 * Nx's rule works from the project graph (tags in each project.json); the no-restricted-imports
 * patterns below repeat the two rules without it, so they hold for Node built-ins, packages not
 * installed yet and plain `eslint` runs outside Nx.
 */
const APPS = {
  group: ['**/apps/**', '@chidao/api', '@chidao/api/*', '@chidao/cli', '@chidao/cli/*', '@chidao/web', '@chidao/web/*'],
  message: 'Packages must not import from apps/: dependencies point from apps to packages.',
};
const DOMAIN_ONLY_ZOD_AND_FP_TS = {
  regex: '^(?!(zod|fp-ts)(/.*)?$)(?!\\.{1,2}(/|$))',
  message: 'packages/domain is pure: it may import only zod, fp-ts and its own files (no node:*, NestJS or database clients).',
};

const NOTICE_PARSER_PURE = {
  regex: '^(?!(zod|fp-ts|@chidao/domain)(/.*)?$)(?!\\.{1,2}(/|$))',
  message: 'packages/notice-parser is pure: it may import only @chidao/domain, zod, fp-ts and its own files.',
};

const DOMAIN_IMPORTS = ['zod', 'zod/*', 'fp-ts', 'fp-ts/*'];

/** Nx's rule with the project tags of each project.json: the domain depends on nothing else; apps on packages only. */
const moduleBoundaries = (domainImports) => [
  'error',
  {
    enforceBuildableLibDependency: false,
    depConstraints: [
      { sourceTag: 'scope:domain', onlyDependOnLibsWithTags: ['scope:domain'], allowedExternalImports: domainImports },
      { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
      { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib'] },
      { sourceTag: 'type:test', onlyDependOnLibsWithTags: ['type:lib', 'type:app'] },
    ],
  },
];

export default [
  { ignores: ['**/node_modules/**', '**/dist/**', '**/coverage/**', '.nx/**', 'tmp/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      // A leading underscore marks a binding that is deliberately dropped, e.g. `const { taskId: _taskId, ...rest } = data`.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['packages/*/src/**/*.ts', 'packages/*/test/**/*.ts', 'apps/*/src/**/*.ts', 'test/**/*.ts'],
    plugins: { '@nx': nx },
    rules: { '@nx/enforce-module-boundaries': moduleBoundaries(DOMAIN_IMPORTS) },
  },
  {
    // Tests of the domain may use test tooling and Node; the code under test may not.
    files: ['packages/domain/src/**/*.spec.ts', 'packages/domain/test/**/*.ts'],
    plugins: { '@nx': nx },
    rules: { '@nx/enforce-module-boundaries': moduleBoundaries([...DOMAIN_IMPORTS, 'fast-check', 'typescript', 'node:*']) },
  },
  {
    files: ['packages/domain/src/**/*.ts'],
    ignores: ['packages/domain/src/**/*.spec.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [DOMAIN_ONLY_ZOD_AND_FP_TS, APPS] }] },
  },
  {
    // The notice parser is pure too: the domain, zod, fp-ts and its own files; no node:*, no clock.
    files: ['packages/notice-parser/src/**/*.ts'],
    ignores: ['packages/notice-parser/src/**/*.spec.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NOTICE_PARSER_PURE, APPS] }] },
  },
  {
    files: ['packages/*/src/**/*.ts'],
    ignores: ['packages/domain/src/**/*.ts', 'packages/notice-parser/src/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [APPS] }] },
  },
  {
    files: ['**/*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
];
