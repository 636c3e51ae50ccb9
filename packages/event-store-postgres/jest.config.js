const preset = require('../../jest.preset.js');

module.exports = {
  ...preset,
  displayName: 'event-store-postgres',
  rootDir: __dirname,
  roots: ['<rootDir>/src'],
  // A PostgreSQL server's read horizon is cluster-wide: a transaction held open by one spec file (the
  // late-commit test) would hold back readAll in another file's database. Files run one at a time then.
  ...(process.env.TEST_DATABASE_URL ? { maxWorkers: 1 } : {}),
};
