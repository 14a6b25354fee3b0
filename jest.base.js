// Shared jest settings: every project transpiles TypeScript with ts-jest, resolves
// workspace packages to their sources (no build needed), and shares one PostgreSQL
// test server (embedded by default, DATABASE_URL when set).
const path = require('node:path');

const root = __dirname;

module.exports = function jestProject(dir, overrides = {}) {
  return {
    displayName: path.relative(root, dir),
    rootDir: dir,
    testEnvironment: 'node',
    testMatch: ['<rootDir>/**/__tests__/**/*.test.ts', '<rootDir>/test/**/*.test.ts', '<rootDir>/*.test.ts'],
    testPathIgnorePatterns: ['/node_modules/', '/dist/'],
    transform: {
      '^.+\\.ts$': ['ts-jest', { tsconfig: path.join(root, 'tsconfig.jest.json') }],
    },
    moduleNameMapper: {
      '^@povgraph/([a-z-]+)$': path.join(root, 'packages/$1/src'),
    },
    globalSetup: path.join(root, 'packages/testing/src/globalSetup.ts'),
    globalTeardown: path.join(root, 'packages/testing/src/globalTeardown.ts'),
    testTimeout: 60_000,
    ...overrides,
  };
};
