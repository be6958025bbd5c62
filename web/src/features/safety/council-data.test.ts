import { describe, expect, it } from 'vitest';
import { councilBody, councilDraft, outcomeActions, outcomeGoals } from './council-data.js';
import type { Safety } from './safety-data.js';

const council: Safety['council'] = {
  dueOn: '2025-03-20',
  workingDays: 10,
  overdue: false,
  status: 'offered',
  offeredOn: '2025-03-10',
  answer: null,
  declinedReason: null,
  answeredOn: null,
  metOn: null,
  safetyReason: null,
  version: null,
  outcome: { goals: [], actions: [{ what: 'Ophalen', networkMemberId: 'n1', networkMemberName: 'Oma', dueOn: '2025-04-01' }] },
};

describe("the council's form", () => {
  it('holds the record with an unknown field as an empty one', () => {
    expect(councilDraft(council)).toEqual({
      offeredOn: '2025-03-10',
      answer: '',
      declinedReason: '',
      answeredOn: '',
      metOn: '',
      safetyReason: '',
    });
  });
  it('sends an empty field as null, and the version only once recorded', () => {
    const draft = { ...councilDraft(council), answer: 'declined', declinedReason: '  geen tijd ', safetyReason: '   ' };
    expect(councilBody(draft, null)).toEqual({
      offeredOn: '2025-03-10',
      answer: 'declined',
      declinedReason: 'geen tijd',
      answeredOn: null,
      metOn: null,
      safetyReason: null,
    });
    expect(councilBody(draft, 3)).toMatchObject({ version: 3 });
  });
  it("edits the outcome's actions without the names shown", () => {
    expect(outcomeActions(council.outcome)).toEqual([{ what: 'Ophalen', networkMemberId: 'n1', dueOn: '2025-04-01' }]);
  });
  it('takes one goal a line, without empty lines', () => {
    expect(outcomeGoals(' Samen eten \n\n  \nNaar school\n')).toEqual(['Samen eten', 'Naar school']);
    expect(outcomeGoals('')).toEqual([]);
  });
});
