/** One jest run over the whole workspace; each project has its own jest.config.js. */
module.exports = {
  projects: ['<rootDir>/packages/*', '<rootDir>/services/*', '<rootDir>/gateway', '<rootDir>/infra', '<rootDir>/test'],
};
