// The load generator in a process of its own (forked by load.ts for each measured run): runs autocannon, answers the figure.
import { measureLoadHere, type LoadPlan, type LoadRequest } from './load.js';

if (process.send) {
  process.once('message', ({ request, plan, first }: { request: LoadRequest; plan: LoadPlan; first: number }) => {
    measureLoadHere(request, plan, { count: first }).then(
      (figure) => process.send!({ figure }, () => process.exit(0)),
      (error: unknown) => process.send!({ failed: error instanceof Error ? error.message : String(error) }, () => process.exit(1)),
    );
  });
}
