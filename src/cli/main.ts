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

// A command whose work waits on something that can no longer answer (a database connection cut in the middle of a
// query leaves its promise unsettled) would let Node run out of work and exit 0, as if it had succeeded.
let finished = false;
process.on('beforeExit', () => {
  if (finished) return;
  process.stderr.write('sharehub: the command stopped before it finished (its database connection was probably lost); nothing after the last reported step was done\n');
  process.exit(1);
});

const program = new Command();
runCli(program, process.argv).then(
  () => {
    finished = true;
  },
  (error: unknown) => {
    process.stderr.write(`sharehub: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
