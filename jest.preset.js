// Shared Jest settings; each project's jest.config.js spreads this and names its own root.
const path = require('node:path');

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: path.join(__dirname, 'tsconfig.spec.json') }],
  },
  reporters: ['default', path.join(__dirname, 'test/support/summary-reporter.js')],
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: {
    // PGlite's CommonJS build uses import(), which Jest's CommonJS mode refuses: load it outside the VM.
    '^@electric-sql/pglite$': path.join(__dirname, 'test/support/pglite-outside-vm.js'),
    '^@chidao/domain$': path.join(__dirname, 'packages/domain/src/index.ts'),
    '^@chidao/event-store$': path.join(__dirname, 'packages/event-store/src/index.ts'),
    '^@chidao/event-store/testing$': path.join(__dirname, 'packages/event-store/src/testing/index.ts'),
    '^@chidao/event-store-postgres$': path.join(__dirname, 'packages/event-store-postgres/src/index.ts'),
    '^@chidao/event-store-esdb$': path.join(__dirname, 'packages/event-store-esdb/src/index.ts'),
    '^@chidao/notice-parser$': path.join(__dirname, 'packages/notice-parser/src/index.ts'),
  },
};
