// The information package of a handover from triage, written out from the signal and the decision.
import { describe, expect, it } from 'vitest';
import { fit, triagePackage } from './from-triage.js';
import type { TriageFacts } from './handovers.repo.js';

const facts = (o: Partial<TriageFacts> = {}): TriageFacts => ({
  reference: 'M-2026-000042',
  receivedAt: '2026-04-24T08:30:00Z',
  source: 'school',
  urgency: 'high',
  subjectDescription: 'Gezin op de hoek',
  subjectPlace: 'Spoorstraat 12',
  whatSeen: 'Kinderen worden vaak laat opgehaald.',
  concerns: { education: 'Vaak afwezig.', housing: 'Schimmel in huis.' },
  safetyAtStake: true,
  meldcodeSteps: { 1: { done: true, notes: 'Vastgelegd' }, 2: { done: false }, 3: { done: true } },
  safetyReasons: 'Geen acuut gevaar, wel zorgen over toezicht.',
  note: 'Gezin kent het wijkteam.',
  ...o,
});

describe('triagePackage', () => {
  it('carries the signal, its concerns per life domain, the note and the safety assessment with the Meldcode steps taken', () => {
    const p = triagePackage(facts(), 'concerns');
    expect(p.knownInformation).toBe(
      [
        'Melding M-2026-000042, ontvangen op 24 april 2026 van school; urgentie hoog.',
        'Over: Gezin op de hoek, Spoorstraat 12.',
        'Toelichting bij de triage: Gezin kent het wijkteam.',
        'Zorgen per leefgebied:',
        '- onderwijs: Vaak afwezig.',
        '- huisvesting: Schimmel in huis.',
        'Wat de melder zag of hoorde: Kinderen worden vaak laat opgehaald.',
      ].join('\n'),
    );
    expect(p.safetyNotes).toBe(
      [
        'Veiligheidsinschatting bij triage: zorgen. Geen acuut gevaar, wel zorgen over toezicht.',
        'De melder maakt zich zorgen over de veiligheid.',
        'Meldcode: stap 1 (Vastgelegd); stap 3 gezet.',
      ].join('\n'),
    );
    expect(p.reason).toBe('Triage van melding M-2026-000042: overdracht aan een organisatie met de taak. Gezin kent het wijkteam.');
  });

  it('leaves out what is not known, and fits the limits of the handover', () => {
    const p = triagePackage(
      facts({
        subjectDescription: null,
        subjectPlace: null,
        note: null,
        concerns: {},
        safetyAtStake: false,
        meldcodeSteps: {},
        whatSeen: 'x'.repeat(10_000),
      }),
      'safe',
    );
    expect(p.knownInformation).not.toMatch(/Over:|Toelichting|Zorgen per leefgebied/);
    expect(p.knownInformation.length).toBe(8000);
    expect(p.knownInformation).toMatch(/ingekort; de volledige tekst staat in de melding\)$/);
    expect(p.safetyNotes).toBe('Veiligheidsinschatting bij triage: veilig. Geen acuut gevaar, wel zorgen over toezicht.');
    expect(fit('kort', 10)).toBe('kort');
  });
});
