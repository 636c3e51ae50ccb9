// Jest for @chidao/domain: coverage is printed on every run and must stay at or above 95% of lines.
const preset = require('../../jest.preset.js');

module.exports = {
  ...preset,
  displayName: 'domain',
  rootDir: __dirname,
  roots: ['<rootDir>/src', '<rootDir>/test'],
  collectCoverage: true,
  collectCoverageFrom: ['src/**/*.ts', '!src/**/*.spec.ts', '!src/testing/**'],
  coverageReporters: ['text-summary', 'text'],
  coverageThreshold: { global: { lines: 95 } },
};
