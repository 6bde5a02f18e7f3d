#!/usr/bin/env node
// The avim-press command: runs the command line (src/cli.ts) and exits with its status.
import { main } from '../cli.js';

process.exitCode = await main(process.argv.slice(2));
