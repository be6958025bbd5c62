import { describe, expect, it } from 'vitest';
import { fieldBinder } from './field-binder.js';

interface Draft {
  street: string;
  adminName: string;
  count: number;
}
const draft: Draft = { street: 'Oudegracht', adminName: '', count: 2 };

describe('fieldBinder', () => {
  it('gives value, field name and error of a key, and writes the whole value on change', () => {
    let next: Draft | null = null;
    const bind = fieldBinder(draft, (d) => (next = d), { street: 'Vul de straat in.' });
    const b = bind('street');
    expect(b).toMatchObject({ value: 'Oudegracht', field: 'street', error: 'Vul de straat in.' });
    b.onChange({ target: { value: 'Neude' } });
    expect(next).toEqual({ street: 'Neude', adminName: '', count: 2 });
  });

  it('prefixes field names and errors, and takes another request field name where given', () => {
    const bind = fieldBinder(draft, () => {}, { 'members[0].street': 'a', 'members[0].admin.displayName': 'b' }, 'members[0].');
    expect(bind('street')).toMatchObject({ field: 'members[0].street', error: 'a' });
    expect(bind('adminName', 'admin.displayName')).toMatchObject({ field: 'members[0].admin.displayName', error: 'b' });
    expect(bind('adminName').error).toBeUndefined();
  });

  it('hands value-only fields the value itself, and writes through a keyed set', () => {
    const calls: Array<[string, string]> = [];
    const bind = fieldBinder(draft, { set: (k, v) => calls.push([k, v]) }, {});
    bind.value('street').onChange('Neude');
    bind('adminName').onChange({ target: { value: 'Ans' } });
    expect(calls).toEqual([
      ['street', 'Neude'],
      ['adminName', 'Ans'],
    ]);
  });
});
