import { describe, expect, it } from 'vitest';
import { check, fieldCandidates, fieldId, messagesByField, problemMessages, summaryLines } from './form-errors.js';

const problem = {
  detail: 'Vul de voornamen in.',
  detailEn: 'Enter the given names.',
  field: 'members[0].givenNames',
  errors: [
    { field: 'case.coordinatorUserId', detail: 'Kies de regisseur uit de lijst.', detailEn: 'Choose the coordinator from the list.' },
    { field: 'members[0].givenNames', detail: 'Vul de voornamen in.', detailEn: 'Enter the given names.' },
    { field: 'members[0].givenNames', detail: 'Te kort.', detailEn: 'Too short.' },
    { field: 'personIds[1]', detail: 'Kies de personen uit de lijst.', detailEn: 'Choose the persons from the list.' },
    {
      field: 'toRegionId',
      detail: 'Kies de regio van de ontvanger uit de lijst.',
      detailEn: "Choose the receiver's region from the list.",
    },
  ],
};

describe('a server refusal in the form pattern', () => {
  it('gives one line per field, in the order the form shows its fields, each linked to its input', () => {
    const shown = new Set(['members[0].givenNames', 'case.coordinatorUserId', 'personIds']);
    const order = ['members[0].givenNames', 'personIds', 'case.coordinatorUserId'].map(fieldId);
    expect(summaryLines(problemMessages(problem), 'nl', (f) => shown.has(f), order)).toEqual([
      { field: 'members[0].givenNames', id: 'fld-members-0-givenNames', text: 'Vul de voornamen in.' },
      { field: 'personIds', id: 'fld-personIds', text: 'Kies de personen uit de lijst.' },
      { field: 'case.coordinatorUserId', id: 'fld-case-coordinatorUserId', text: 'Kies de regisseur uit de lijst.' },
      // Not a field of this form: still in the summary, in plain words, without a link.
      { text: 'Kies de regio van de ontvanger uit de lijst.' },
    ]);
  });

  it('speaks English when the interface does', () => {
    expect(summaryLines(problemMessages(problem), 'en', () => false).map((l) => l.text)).toEqual([
      'Choose the coordinator from the list.',
      'Enter the given names.',
      'Choose the persons from the list.',
      "Choose the receiver's region from the list.",
    ]);
  });

  it('puts each message at its field, and an indexed finding at the field it belongs to', () => {
    const at = messagesByField(problemMessages(problem), 'nl');
    expect(at['members[0].givenNames']).toBe('Vul de voornamen in.');
    expect(at.personIds).toBe('Kies de personen uit de lijst.');
    expect(fieldCandidates('members[0].bsn')).toEqual(['members[0].bsn', 'members[0]', 'members']);
  });

  it("a refusal about one field (no errors list) is that field's line", () => {
    expect(problemMessages({ field: 'reason', detail: 'De reden is te kort.', detailEn: 'The reason is too short.' })).toEqual([
      { field: 'reason', nl: 'De reden is te kort.', en: 'The reason is too short.' },
    ]);
    expect(problemMessages({ detail: 'Conflict', detailEn: 'Conflict' })).toEqual([]);
  });
});

describe("a form's own check", () => {
  const bsnRules = (v: string) =>
    [
      [!v, 'Vul het BSN in.', 'Enter the BSN.'],
      [!/^\d{9}$/.test(v), 'Het BSN heeft 9 cijfers.', 'The BSN has 9 digits.'],
      [v === '123456789', 'Dit BSN klopt niet (elfproef).', 'This BSN fails the 11-test.'],
    ] as const;
  it('says one message per field: the first rule that fails', () => {
    expect(check([['bsn', [...bsnRules('')]]])).toEqual([{ field: 'bsn', nl: 'Vul het BSN in.', en: 'Enter the BSN.' }]);
    expect(check([['bsn', [...bsnRules('12')]]])).toEqual([{ field: 'bsn', nl: 'Het BSN heeft 9 cijfers.', en: 'The BSN has 9 digits.' }]);
    expect(check([['bsn', [...bsnRules('123456789')]]])).toEqual([
      { field: 'bsn', nl: 'Dit BSN klopt niet (elfproef).', en: 'This BSN fails the 11-test.' },
    ]);
    expect(check([['bsn', [...bsnRules('111222333')]]])).toEqual([]);
  });
});
