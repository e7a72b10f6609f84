#!/usr/bin/env node
'use strict';
// The package's bin: runs the bundled CLI, building it first when run from a fresh source checkout.
const { existsSync } = require('node:fs');
const path = require('node:path');
const root = path.join(__dirname, '..');
const launcher = path.join(root, 'dist', 'launch.js');
if (!existsSync(launcher) || !['cli.js', 'prereader.js', 'tsmorph.js'].every((bundle) => existsSync(path.join(root, 'dist', bundle)))) {
  const { execFileSync } = require('node:child_process');
  execFileSync(process.execPath, [path.join(root, 'esbuild.mjs'), '--only', 'cli'], { cwd: root, stdio: 'inherit' });
}
require(launcher)
  .launch(process.argv.slice(2))
  .then((code) => { process.exitCode = code; });
