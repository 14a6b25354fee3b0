module.exports = require('../jest.base.js')(__dirname, { testMatch: ['<rootDir>/src/**/*.test.ts'] });
