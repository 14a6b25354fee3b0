/** One jest run over the whole workspace; each project has its own jest.config.js. */
module.exports = {
  projects: ['<rootDir>/packages/*', '<rootDir>/services/*', '<rootDir>/gateway', '<rootDir>/infra', '<rootDir>/test', '<rootDir>/web'],
  // Global options are not read from project configs.
  testTimeout: 60_000,
  // In CI a handle left open by a failed hook must not hold the run until its time limit;
  // locally jest waits, so `--detectOpenHandles` can find the leak.
  forceExit: process.env.CI === 'true',
};
