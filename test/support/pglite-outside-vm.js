// Jest runs test code in a `vm` context that refuses dynamic `import()` unless Node runs with
// --experimental-vm-modules, and PGlite's CommonJS build imports `node:module`, `fs/promises` and
// more dynamically (electric-sql/pglite#224). Loaded with Node's own require, outside Jest's module
// registry, its imports run natively: no flag, no ESM mode for Jest.
//
// Jest hands test code a `module` built-in of its own whose createRequire stays inside the registry;
// that class extends Node's real Module, whose createRequire is the way out.
const sandboxed = require('node:module');
const real = Object.getPrototypeOf(sandboxed.Module);

if (typeof real?.createRequire !== 'function' || real.createRequire === sandboxed.createRequire) {
  throw new Error('jest/pglite-outside-vm.js: cannot reach Node’s own require; run Jest with NODE_OPTIONS=--experimental-vm-modules instead');
}

module.exports = real.createRequire(__filename)('@electric-sql/pglite');
