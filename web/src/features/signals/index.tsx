// Signals (meldingen) and triage — the screens registered in main.tsx.
export { SignalForm } from './SignalForm.js';
export { TriageQueue } from './TriageQueue.js';
export { SignalDetail } from './SignalDetail.js';
export { PublicConcernForm } from './PublicConcernForm.js';
