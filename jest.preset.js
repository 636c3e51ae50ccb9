// Shared Jest settings; each project's jest.config.ts spreads this and names its own root.
const path = require('node:path');

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: path.join(__dirname, 'tsconfig.spec.json') }],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: {
    '^@chidao/domain$': path.join(__dirname, 'packages/domain/src/index.ts'),
  },
};
