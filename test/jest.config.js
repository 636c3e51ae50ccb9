// Cross-package tests: architecture rules, the demo, and later end-to-end and browser tests.
const preset = require('../jest.preset.js');

module.exports = {
  ...preset,
  displayName: 'workspace',
  rootDir: __dirname,
  roots: ['<rootDir>'],
  testTimeout: 60_000,
};
