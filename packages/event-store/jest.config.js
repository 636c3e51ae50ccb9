const preset = require('../../jest.preset.js');

module.exports = {
  ...preset,
  displayName: 'event-store',
  rootDir: __dirname,
  roots: ['<rootDir>/src'],
  collectCoverage: true,
  collectCoverageFrom: ['src/**/*.ts', '!src/**/*.spec.ts', '!src/testing/**'],
  coverageReporters: ['text-summary'],
};
