/**
 * Two kinds of tests (CONVENTIONS.md):
 *   unit         *.spec.ts      rules in plain TypeScript, no I/O
 *   integration  *.int-spec.ts  against the real PostgreSQL and Redis; each run makes
 *                               its own database and Redis key prefix and removes them
 */
const { compilerOptions } = require('./tsconfig.base.json');

const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [`^${alias}$`, `<rootDir>/${target}`]),
);

/**
 * Packages published only as ES modules. Node.js loads them with require() (require(esm), Node >= 20.19),
 * but Jest's own module system cannot, so they are compiled to CommonJS like our TypeScript.
 */
const esmOnlyPackages = ['openid-client', 'oauth4webapi', 'jose', 'oidc-provider'];

const transform = {
  '^.+\\.ts$': [
    '@swc/jest',
    {
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
        target: 'es2022',
      },
      module: { type: 'commonjs' },
    },
  ],
  [`/node_modules/(${esmOnlyPackages.join('|')})/.+\\.js$`]: [
    '@swc/jest',
    { jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' }, module: { type: 'commonjs' } },
  ],
};

const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform,
  moduleNameMapper,
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnlyPackages.join('|')})/)`],
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.data/'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/apps/web-e2e/', '<rootDir>/dist/'],
};

module.exports = {
  testTimeout: 60_000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,tools,migrations}/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs,tools,migrations}/**/*.int-spec.ts'],
      globalSetup: '<rootDir>/tools/testing/global-setup.ts',
      globalTeardown: '<rootDir>/tools/testing/global-teardown.ts',
      testTimeout: 60_000,
    },
  ],
};
