const preset = require('../../jest.preset.js');

module.exports = {
  ...preset,
  displayName: 'event-store-esdb',
  rootDir: __dirname,
  roots: ['<rootDir>/src'],
};
