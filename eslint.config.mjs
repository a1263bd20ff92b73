// ESLint flat config for the whole monorepo (`npm run lint` = `eslint . --max-warnings=0`).
//
// Module boundaries (DESIGN.md "Layout", STYLE.md point 10) are enforced by
// `@nx/enforce-module-boundaries`, which reads the Nx project graph from Nx's cache
// (`.nx/workspace-data`). When ESLint runs directly (not through `nx lint`) on a fresh clone there
// is no cache, and the rule then only prints a warning and checks nothing. So this file computes
// the graph itself before ESLint lints anything (`createProjectGraphAsync`, ~1 s here), and fails
// loudly if that is impossible: a boundary check that silently skips is worse than none.
import nx from '@nx/eslint-plugin';
import devkit from '@nx/devkit';
import eslintConfigPrettier from 'eslint-config-prettier/flat';

try {
  await devkit.createProjectGraphAsync({ exitOnError: false });
} catch (error) {
  throw new Error(
    `eslint.config.mjs: could not compute the Nx project graph, which ` +
      `@nx/enforce-module-boundaries needs (try \`npx nx show projects\` to see why): ` +
      `${error instanceof Error ? error.message : error}`,
    { cause: error },
  );
}

// One line per service scope. Each may depend on its own scope, `scope:platform`, and any
// project tagged `type:contracts`; never on another service's domain or read models.
// The `fixture-*` scopes belong to tools/lint-fixtures, which proves the rule bites.
const SERVICE_SCOPES = [
  'networks',
  'protection',
  'empowerment',
  'legal',
  'relief',
  'audit',
  'reports',
  'gateway',
  'fixture-alpha',
  'fixture-beta',
];

// What each kind of project may depend on (a dependency needs at least one of the listed tags).
const TYPE_RULES = {
  // Pure: no platform (I/O, NestJS, TypeORM), no read models.
  'type:domain': ['type:domain', 'type:contracts', 'type:util'],
  'type:contracts': ['type:contracts', 'type:util'],
  'type:platform': ['type:platform', 'type:contracts', 'type:util'],
  'type:util': ['type:util'],
  'type:read-models': [
    'type:read-models',
    'type:domain',
    'type:contracts',
    'type:platform',
    'type:util',
  ],
  'type:api': [
    'type:api',
    'type:read-models',
    'type:domain',
    'type:contracts',
    'type:platform',
    'type:util',
  ],
  'type:app': [
    'type:api',
    'type:read-models',
    'type:domain',
    'type:contracts',
    'type:platform',
    'type:util',
  ],
  'type:tool': ['*'],
};

// Audit rebuilds any record as of a date through its own service's `evolve` (DESIGN.md "Audit",
// docs/adr/0016): it alone may also depend on other services' domains (pure code), never on their
// read models.
const EXTRA_DEPENDENCIES = { audit: ['type:domain'] };

const depConstraints = [
  ...SERVICE_SCOPES.map((scope) => ({
    sourceTag: `scope:${scope}`,
    onlyDependOnLibsWithTags: [
      `scope:${scope}`,
      'scope:platform',
      'type:contracts',
      ...(EXTRA_DEPENDENCIES[scope] ?? []),
    ],
  })),
  { sourceTag: 'scope:platform', onlyDependOnLibsWithTags: ['scope:platform'] },
  { sourceTag: 'scope:tools', onlyDependOnLibsWithTags: ['*'] },
  ...Object.entries(TYPE_RULES).map(([sourceTag, onlyDependOnLibsWithTags]) => ({
    sourceTag,
    onlyDependOnLibsWithTags,
  })),
];

export default [
  {
    ignores: [
      '**/node_modules/',
      '**/dist/',
      '**/coverage/',
      '.nx/',
      '.data/',
      'tmp/',
      'bench/results/',
      // Deliberately broken fixture projects; their spec lints them with `ignore: false`.
      'tools/lint-fixtures/fixture-*/',
    ],
  },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.cts', '**/*.mts', '**/*.js', '**/*.cjs', '**/*.mjs'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: [],
          depConstraints,
        },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      // No-op callbacks and interface methods (`log = () => {}`, `async stop() {}`) are fine.
      '@typescript-eslint/no-empty-function': [
        'error',
        { allow: ['arrowFunctions', 'methods', 'asyncMethods', 'decoratedFunctions'] },
      ],
    },
  },
  {
    // Domain libraries and the kernel are pure (DESIGN.md "Layout"): no framework, no database
    // client, no I/O, no clock. Time arrives in a command's metadata. The lint fixture
    // tools/lint-fixtures/fixture-alpha-domain/impure.ts proves these rules bite.
    files: [
      'libs/*/domain/src/**/*.ts',
      'libs/platform/domain/src/**/*.ts',
      'tools/lint-fixtures/fixture-alpha-domain/**/*.ts',
    ],
    ignores: ['**/*.{spec,int-spec,e2e-spec,security-spec}.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@nestjs/*',
                'typeorm',
                'typeorm/*',
                'pg',
                'pg-*',
                'kafkajs',
                '@platformatic/*',
                'graphql',
                'express',
                'node:*',
                'fs',
                'http',
                'https',
                'net',
                'child_process',
              ],
              message: 'A domain library is pure: no framework, database client or I/O.',
            },
            {
              group: ['@haven/platform/*', '!@haven/platform/domain'],
              message: 'A domain library depends on the kernel (@haven/platform/domain) alone.',
            },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        {
          object: 'Date',
          property: 'now',
          message: 'A domain never reads the clock: take the time from the command metadata.',
        },
        {
          object: 'performance',
          property: 'now',
          message: 'A domain never reads the clock: take the time from the command metadata.',
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'A domain never reads the clock: take the time from the command metadata.',
        },
        {
          selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
          message: 'A domain is deterministic: ids and randomness come from the caller.',
        },
      ],
    },
  },
  {
    // Tests, test helpers and benchmarks may assert what they just arranged (`map.get(id)!`).
    files: [
      '**/*.{spec,int-spec,e2e-spec,security-spec}.ts',
      '**/testing/**/*.ts',
      'tools/bench/**/*.ts',
    ],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // CommonJS scripts (`require`, `module.exports`).
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
  },
  eslintConfigPrettier,
];
