// Component and logic tests of the front end, in jsdom (no database, no browser).
const path = require('node:path');
const jestProject = require('../jest.base.js');

module.exports = jestProject(__dirname, {
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/test/**/*.test.ts?(x)'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: path.join(__dirname, 'tsconfig.jest.json') }] },
  moduleNameMapper: { '\\.css$': path.join(__dirname, 'test', 'styleStub.cjs') },
  globalSetup: undefined,
  globalTeardown: undefined,
});
