// Signals (meldingen) and triage — screens registered in main.tsx.
import { Heading } from '@rijkshuisstijl-community/components-react';
export function SignalForm() { return <Heading level={1}>Melding doen</Heading>; }
export function TriageQueue() { return <Heading level={1}>Triage</Heading>; }
export function SignalDetail({ signalId }: { signalId: string }) { return <Heading level={1}>Melding {signalId}</Heading>; }
export function PublicConcernForm() { return <Heading level={1}>Zorg melden</Heading>; }
