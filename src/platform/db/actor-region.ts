// The region of the actor whose transaction this is, as row-level security sees it: for module
// functions that other modules call inside asActor with only a transaction in hand.
import type { Tx } from './db.js';

export async function actorRegion(tx: Tx): Promise<string> {
  const [r] = await tx.query<{ region: string | null }>(`SELECT regie.actor_region() AS region`);
  if (!r?.region) throw new Error('no actor region in this transaction: call inside asActor');
  return r.region;
}
