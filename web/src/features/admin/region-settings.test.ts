import { describe, expect, it } from 'vitest';
import { frontDoors, settingsBody, toDraft } from './region-settings.js';
import type { Organisation, RegionSettings } from './texts.js';

const base = {
  workingDays: { acute: 0, high: 2, normal: 5 },
  frontDoorOrganisation: { id: 'o3', name: 'Oud loket' },
  frontDoorTypes: ['wijkteam'],
  liberationDay: 'lustrum',
  version: 7,
} as unknown as RegionSettings;

describe('toDraft', () => {
  it('starts from the saved settings', () => {
    expect(toDraft(base)).toEqual({ acute: '0', high: '2', normal: '5', frontDoor: 'o3', liberationDay: 'lustrum' });
  });
});

describe('settingsBody', () => {
  it('sends the typed numbers, leaves an empty one out and closes the form without a front door', () => {
    expect(settingsBody({ acute: '1', high: ' ', normal: '10', frontDoor: '' }, base)).toEqual({
      workingDays: { acute: 1, high: undefined, normal: 10 },
      frontDoorOrganisationId: null,
      liberationDay: 'lustrum',
      version: 7,
    });
  });
  it('sends the chosen liberation day', () => {
    expect(settingsBody({ ...toDraft(base), liberationDay: 'always' }, base).liberationDay).toBe('always');
  });
});

describe('frontDoors', () => {
  it('offers the organisations of a fitting type and the current front door', () => {
    const orgs = [
      { id: 'o1', type: 'wijkteam' },
      { id: 'o2', type: 'police' },
      { id: 'o3', type: 'police' },
    ] as unknown as Organisation[];
    expect(frontDoors(orgs, base).map((o) => o.id)).toEqual(['o1', 'o3']);
  });
});
