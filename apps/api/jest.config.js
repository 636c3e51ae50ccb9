const path = require('node:path');
const preset = require('../../jest.preset.js');

module.exports = {
  ...preset,
  displayName: 'api',
  rootDir: __dirname,
  roots: ['<rootDir>/src'],
  transform: {
    // NestJS decorators are the legacy kind. Decorator metadata is off on purpose: `npm start` runs
    // under tsx (esbuild), which emits none, so the specs prove every injection names its token.
    '^.+\\.ts$': ['ts-jest', { tsconfig: path.join(__dirname, 'tsconfig.spec.json') }],
  },
  moduleNameMapper: {
    ...preset.moduleNameMapper,
    '^@chidao/notice-parser$': path.join(__dirname, '../../packages/notice-parser/src/index.ts'),
  },
  // A PostgreSQL server's read horizon is cluster-wide and every spec file starts an app with its own
  // projection runner: on a server, files run one at a time so one file's open transactions never
  // hold back another's reads.
  ...(process.env.TEST_DATABASE_URL ? { maxWorkers: 1 } : {}),
};
