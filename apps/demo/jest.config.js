const preset = require('../../jest.preset.js');

module.exports = { ...preset, displayName: 'demo', rootDir: __dirname, roots: ['<rootDir>/src'] };
