const preset = require('../../jest.preset.js');

module.exports = {
  ...preset,
  displayName: 'event-store-postgres',
  rootDir: __dirname,
  roots: ['<rootDir>/src'],
};
