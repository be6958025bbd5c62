// An open-loop schedule: request i is due at start + i × interval whatever the answers before it
// do (a late timer sends what fell due at once), so a slow server meets the offered load instead
// of slowing the clients down. For load-generator.ts and soak.ts.
import { performance } from 'node:perf_hooks';

/** Calls fire(i, due) for i = 0 … total − 1 when each falls due (ms on performance.now()'s clock). */
export function openLoop(total: number, interval: number, start: number, fire: (i: number, due: number) => void): void {
  let sent = 0;
  const tick = () => {
    const now = performance.now();
    while (sent < total && start + sent * interval <= now) {
      fire(sent, start + sent * interval);
      sent++;
    }
    if (sent < total) setTimeout(tick, Math.max(0, start + sent * interval - performance.now()));
  };
  setTimeout(tick, Math.max(0, start - performance.now()));
}
