#!/usr/bin/env node
'use strict';
// The package's bin: runs the bundled CLI, building it first when run from a fresh source checkout.
const { existsSync } = require('node:fs');
const path = require('node:path');
const cli = path.join(__dirname, '..', 'dist', 'cli.js');
if (!existsSync(cli)) {
  const { execFileSync } = require('node:child_process');
  execFileSync(process.execPath, [path.join(__dirname, '..', 'esbuild.mjs')], { cwd: path.join(__dirname, '..'), stdio: 'inherit' });
}
require(cli);
