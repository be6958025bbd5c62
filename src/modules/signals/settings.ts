// The triage deadlines a region starts with (working days per urgency) until its administrator
// sets its own: the signals module's shared surface for the administration screens.
import type { Urgency } from './signals.repo.js';

export const DEFAULT_WORKING_DAYS: Record<Urgency, number> = { acute: 0, high: 5, normal: 10 };
