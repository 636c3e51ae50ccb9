#!/usr/bin/env node
// The `chidao` command. The sources are TypeScript, run through tsx's loader so a fresh clone needs no build.
require('tsx/cjs/api').register();
const { runCli, nodeIo } = require('../src/cli.ts');

runCli(process.argv.slice(2), nodeIo()).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`Lỗi không mong đợi / unexpected error: ${error && error.stack ? error.stack : error}\n`);
    process.exitCode = 1;
  },
);
