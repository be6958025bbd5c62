// A sweep: periodic background work, run by the job runner (runner.ts) on one node per time slot.
import type { Database } from '../db/db.js';

export interface Sweep {
  name: string;
  everySeconds: number;
  run(db: Database, now: Date): Promise<void>;
}
