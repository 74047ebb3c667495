// `npm run test:authz -- --runs N [--seed S]`: the generative authorization test with N generated operations (default
// 320), printing every failing property once (AUTHZ_REPORT); vitest's own options pass through.
import { spawn } from 'node:child_process';

const args = process.argv.slice(2);
const env = { ...process.env, AUTHZ_REPORT: process.env.AUTHZ_REPORT ?? '1' };
const rest = [];
for (let i = 0; i < args.length; i += 1) {
  if (args[i] === '--runs') env.AUTHZ_RUNS = args[(i += 1)];
  else if (args[i] === '--seed') env.FC_SEED = args[(i += 1)];
  else rest.push(args[i]);
}
const child = spawn('npx', ['vitest', 'run', 'tests/authz/generative.test.ts', ...rest], { stdio: 'inherit', env });
child.on('exit', (code) => process.exit(code ?? 1));
