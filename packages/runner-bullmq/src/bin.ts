#!/usr/bin/env node
import { runWorkerCli } from './worker-cli';

runWorkerCli(process.argv.slice(2)).then((code) => {
  process.exit(code);
});
