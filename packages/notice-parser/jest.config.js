// Jest for @chidao/notice-parser: unit specs beside the code, golden files under test/golden.
// Coverage is printed on every run and must stay at or above 95% of lines, as for the domain.
const preset = require('../../jest.preset.js');

module.exports = {
  ...preset,
  displayName: 'notice-parser',
  rootDir: __dirname,
  roots: ['<rootDir>/src', '<rootDir>/test'],
  collectCoverage: true,
  collectCoverageFrom: ['src/**/*.ts', '!src/**/*.spec.ts'],
  coverageReporters: ['text-summary', 'text'],
  coverageThreshold: { global: { lines: 95 } },
};
