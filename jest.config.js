// One Jest run for the whole monorepo: pure specs, PostgreSQL integration specs (*.int-spec.ts),
// end-to-end (*.e2e-spec.ts) and hostile (*.security-spec.ts) suites. The global setup starts one
// embedded PostgreSQL (or uses DATABASE_URL); each test file makes its own database on it.
const { compilerOptions } = require('./tsconfig.base.json');

const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [
    `^${alias.replace(/[/\\^$*+?.()|[\]{}]/g, '\\$&')}$`,
    `<rootDir>/${target}`,
  ]),
);

module.exports = {
  testEnvironment: 'node',
  rootDir: __dirname,
  testMatch: ['<rootDir>/{apps,libs,tools}/**/*.{spec,int-spec,e2e-spec,security-spec}.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/.data/', '/dist/'],
  modulePathIgnorePatterns: ['<rootDir>/.data/', '<rootDir>/dist/'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
        sourceMaps: 'inline',
      },
    ],
    // jose and the Kafka client (@platformatic/kafka and its own packages) ship ES modules only;
    // Jest's CommonJS runtime needs them transformed.
    '/node_modules/(jose|@platformatic/(kafka|dynamic-buffer|wasm-utils))/.+\\.js$': [
      '@swc/jest',
      { module: { type: 'commonjs' } },
    ],
  },
  transformIgnorePatterns: [
    '/node_modules/(?!jose/|@platformatic/(kafka|dynamic-buffer|wasm-utils)/)',
  ],
  moduleNameMapper,
  globalSetup: '<rootDir>/tools/jest/global-setup.mjs',
  globalTeardown: '<rootDir>/tools/jest/global-teardown.mjs',
  testTimeout: 60_000,
  maxWorkers: 2,
  reporters: ['default', '<rootDir>/tools/jest/summary-reporter.cjs'],
};
