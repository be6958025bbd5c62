// Handovers and lead times — screens registered in main.tsx (/overdrachten, /overdrachten/:id,
// /doorlooptijden). /overdrachten/nieuw is the send form.
import './handovers.css';
import { HandoverList } from './HandoverList.js';
import { HandoverView } from './HandoverView.js';
import { SendHandover } from './SendHandover.js';
import { LeadTimesScreen } from './LeadTimes.js';

export function Handovers() {
  return <HandoverList />;
}
export function HandoverDetail({ handoverId }: { handoverId: string }) {
  return handoverId === 'nieuw' ? <SendHandover /> : <HandoverView handoverId={handoverId} />;
}
export function LeadTimes() {
  return <LeadTimesScreen />;
}
