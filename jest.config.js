/** One jest run over the whole workspace; each project has its own jest.config.js. */
module.exports = {
  projects: ['<rootDir>/packages/*', '<rootDir>/services/*', '<rootDir>/gateway', '<rootDir>/infra', '<rootDir>/test'],
  // Global options are not read from project configs.
  testTimeout: 60_000,
};
