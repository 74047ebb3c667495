#!/usr/bin/env node
// The `sharehub` command: start, migrate, seed, token, schema, import, keys, clients, documents, audit, coverage.
import 'reflect-metadata';
import { Command } from 'commander';
import { runCli } from './commands.js';

// A closed stdout (`sharehub schema | head`) is a normal end: the reader has what it wanted. Exit 0, no trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  process.stderr.write(`sharehub: cannot write to stdout: ${error.message}\n`);
  process.exit(1);
});

const program = new Command();
runCli(program, process.argv).catch((error: unknown) => {
  process.stderr.write(`sharehub: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
