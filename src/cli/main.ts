#!/usr/bin/env node
// The `sharehub` command: start, migrate, seed, token, schema.
import 'reflect-metadata';
import { Command } from 'commander';
import { runCli } from './commands.js';

const program = new Command();
runCli(program, process.argv).catch((error: unknown) => {
  process.stderr.write(`sharehub: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
