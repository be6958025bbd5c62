// Handovers and lead times — screens registered in main.tsx.
import { Heading } from '@rijkshuisstijl-community/components-react';
export function Handovers() { return <Heading level={1}>Overdrachten</Heading>; }
export function HandoverDetail({ handoverId }: { handoverId: string }) { return <Heading level={1}>Overdracht {handoverId}</Heading>; }
export function LeadTimes() { return <Heading level={1}>Doorlooptijden</Heading>; }
