import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldErrors, fieldPath, invalidInput, issueText, nounOf } from './validation-text.js';
import { Bsn } from '../../shared/contract/primitives.js';

/** What the validator hands over: zod's issues with their field paths, as fastify-type-provider-zod passes them. */
function found(schema: z.ZodType, input: unknown) {
  const r = schema.safeParse(input);
  if (r.success) return [];
  return r.error.issues.map(({ path, ...issue }) => ({
    field: fieldPath(path),
    issue: issue as never,
  }));
}

const Body = z.strictObject({
  members: z.array(z.strictObject({ givenNames: z.string().min(1).max(200), bsn: Bsn.optional() })).min(1),
  case: z.strictObject({ coordinatorUserId: z.uuid(), legalBasis: z.enum(['consent', 'safety']) }),
  reason: z.string().max(10),
});

describe('validation sentences', () => {
  it('say per field, in words, what to do; never a path or a schema word', () => {
    const errs = fieldErrors(
      found(Body, { members: [{ givenNames: '' }], case: { coordinatorUserId: '', legalBasis: 'x' }, reason: 'x'.repeat(11) }),
    );
    expect(errs).toEqual([
      { field: 'members[0].givenNames', detail: 'Vul de voornamen in.', detailEn: 'Enter the given names.' },
      { field: 'case.coordinatorUserId', detail: 'Kies de regisseur uit de lijst.', detailEn: 'Choose the coordinator from the list.' },
      { field: 'case.legalBasis', detail: 'Kies de grondslag uit de lijst.', detailEn: 'Choose the legal basis from the list.' },
      { field: 'reason', detail: 'De reden mag hoogstens 10 tekens zijn.', detailEn: 'The reason can be at most 10 characters.' },
    ]);
    for (const e of errs)
      expect(`${e.detail} ${e.detailEn}`).not.toMatch(/Verwacht|Expected|niet toegestaan|Ongeldig formaat|\[\d\]|string|undefined/);
  });

  it('a missing field is asked for: "Vul … in" for text, "Kies …" for a choice', () => {
    const errs = fieldErrors(found(Body, { members: [{}], case: {} }));
    expect(errs.map((e) => e.detail)).toEqual([
      'Vul de voornamen in.',
      'Kies de regisseur.',
      'Kies de grondslag uit de lijst.',
      'Vul de reden in.',
    ]);
    expect(errs.map((e) => e.field)).toEqual(['members[0].givenNames', 'case.coordinatorUserId', 'case.legalBasis', 'reason']);
    expect(fieldErrors(found(Body, {}))[1]).toEqual({
      field: 'case',
      detail: 'Vul de gegevens van het dossier in.',
      detailEn: 'Enter the case details.',
    });
  });

  it('one message per field, the first that holds: 9 digits before the elfproef', () => {
    const errs = fieldErrors(
      found(Body, {
        members: [{ givenNames: 'A', bsn: '12' }],
        case: { coordinatorUserId: '00000000-0000-4000-8000-000000000000', legalBasis: 'safety' },
        reason: '',
      }),
    );
    expect(errs).toEqual([{ field: 'members[0].bsn', detail: 'Een BSN heeft 9 cijfers.', detailEn: 'A BSN has 9 digits.' }]);
    const elf = fieldErrors(
      found(Body, {
        members: [{ givenNames: 'A', bsn: '123456789' }],
        case: { coordinatorUserId: '00000000-0000-4000-8000-000000000000', legalBasis: 'safety' },
        reason: '',
      }),
    );
    expect(elf).toEqual([{ field: 'members[0].bsn', detail: 'Dit BSN klopt niet (elfproef).', detailEn: 'This BSN fails the 11-test.' }]);
  });

  it('an empty list, an unknown field and an unknown name still read as sentences', () => {
    expect(
      fieldErrors(
        found(Body, {
          members: [],
          case: { coordinatorUserId: '00000000-0000-4000-8000-000000000000', legalBasis: 'safety' },
          reason: '',
          extra: 1,
        }),
      ),
    ).toEqual([
      { field: 'members', detail: 'Kies minstens één bij de gezinsleden.', detailEn: 'Choose at least one for the family members.' },
      { field: '', detail: 'Het veld ‘extra’ hoort hier niet bij.', detailEn: 'The field ‘extra’ does not belong here.' },
    ]);
    expect(nounOf('whatever.fooBar')).toEqual({ nl: 'dit veld', en: 'this field' });
    expect(issueText('fooBar', { code: 'too_big', origin: 'string', maximum: 5 })).toEqual({
      nl: 'Dit veld mag hoogstens 5 tekens zijn.',
      en: 'This field can be at most 5 characters.',
    });
  });
});

describe('invalidInput (input from another module, checked with the route schema)', () => {
  it('is the same 400 a request body gets: field path, plain sentence per field, no path in the text', () => {
    const r = Body.safeParse({ members: [{ givenNames: '' }], case: { coordinatorUserId: 'x', legalBasis: 'consent' }, reason: 'r' });
    expect(r.success).toBe(false);
    const e = invalidInput(r.success ? [] : r.error.issues);
    expect(e.status).toBe(400);
    expect(e.field).toBe('members[0].givenNames');
    expect(e.detailText.nl).toBe('Vul de voornamen in.');
    expect(e.detailText.nl).not.toContain('members');
    const errors = (e.extra as { errors: Array<{ field: string }> }).errors;
    expect(errors.map((x) => x.field)).toEqual(['members[0].givenNames', 'case.coordinatorUserId']);
  });
});
