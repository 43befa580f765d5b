// A Notifier that lets at most `limit` sends be in flight at once, for the
// SIGKILL children (dispatcher-child.ts, teams-dispatcher-child.ts).
//
// Why: on SQLite each commit (an fsync) blocks the child's event loop, so the
// sends of forty channels queued behind a few commits leave together and reach
// the fake in bursts of up to forty. A kill aimed at "the N-th post" then lands
// after the whole burst, and twenty such overshoots deliver the entire fan-out
// before the last kill: the test's "finished before its kill point", with
// nothing lost or repeated. (PostgreSQL's commits do not block the loop, and
// Node's bundled fetch, which the Slack client used before it took undici's
// for the proxy, happened to spread the requests out.) Bursts of at most four
// keep the kill points where they are drawn. Sends still overlap, a kill can
// still catch a message claimed and queued here but never sent, and the
// delivery checks after a restart are not held back.
import type { Notifier } from '../../src/app/ports.ts';

export function atMostInFlight(limit: number, notifier: Notifier): Notifier {
  let active = 0;
  const waiting: (() => void)[] = [];
  return {
    async send(message) {
      while (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
      active++;
      try {
        return await notifier.send(message);
      } finally {
        active--;
        waiting.shift()?.();
      }
    },
    findDelivered: (channel, key, since) => notifier.findDelivered(channel, key, since),
  };
}
