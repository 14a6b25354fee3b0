#!/usr/bin/env node
// Builds the workspace (incrementally), then runs one of infra's commands in this
// same process, so that `pnpm start` is the process that receives Ctrl-C.
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const [command, ...args] = process.argv.slice(2);
const root = path.join(__dirname, '..', '..');
const tsc = require.resolve('typescript/bin/tsc', { paths: [root] });
// Tools that read sources only need infra built (codegen must run while services
// do not compile yet); commands that run the services need everything.
const toolsOnly = ['chromium', 'codegen', 'compose', 'export', 'token'].includes(command);
const project = toolsOnly ? path.join(root, 'infra', 'tsconfig.json') : path.join(root, 'tsconfig.json');
const build = spawnSync(process.execPath, [tsc, '-b', project], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const script = path.join(__dirname, '..', 'dist', `${command}.js`);
process.argv = [process.argv[0], script, ...args];
const { runCli } = require('../dist/cli.js');
runCli(require(script).main);
