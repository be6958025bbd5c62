// Households of varied shape with birth dates that fit the relations, shared addresses, unique
// valid BSNs and an informal network.
import { completeBsn } from '../modules/persons/bsn.js';
import { DAY_MS, isoDate, type Rng } from './random.js';
import {
  buildSearchText,
  familyTitle,
  fullSurname,
  givenNames,
  mobileNumber,
  pickAddress,
  pickSurname,
  type Address,
  type Gender,
  type Generation,
  type Surname,
} from './names.js';

export interface PersonRow {
  id: string;
  bsn: string | null;
  givenNames: string;
  prefix: string | null;
  familyName: string;
  birthDate: string;
  gender: 'female' | 'male' | 'other';
  address: Address;
  phone: string | null;
  relation: 'parent' | 'child' | 'partner' | 'carer' | 'other';
  age: number;
}

export interface NetworkRow {
  id: string;
  name: string;
  relation: 'grandparent' | 'other_family' | 'neighbour' | 'friend' | 'other';
  phone: string | null;
  note: string | null;
}

export interface Household {
  id: string;
  name: string;
  searchText: string;
  persons: PersonRow[];
  network: NetworkRow[];
  /** The adults who care for the household, first names only (for timeline summaries). */
  adultNames: string[];
  childNames: string[];
  hasChildren: boolean;
  /** A child of primary-school age (4–12): the school takes part in the case team. */
  hasSchoolChild: boolean;
}

/**
 * Unique valid BSNs without a lookup table: a bijection c → (A·c + B) mod 10^8 over the
 * eight leading digits (A is coprime to 10), completed with the elfproef check digit; the
 * ~1 in 11 prefixes that have no valid check digit are skipped.
 */
export class BsnSource {
  private counter = 0;
  private readonly offset: number;
  constructor(seed: number) {
    this.offset = ((seed >>> 0) * 7919 + 12_345_678) % 100_000_000;
  }
  next(): string {
    for (;;) {
      const c = this.counter++;
      const prefix = (Number((73_939_133n * BigInt(c)) % 100_000_000n) + this.offset) % 100_000_000;
      const bsn = completeBsn(String(prefix).padStart(8, '0'));
      if (bsn) return bsn;
    }
  }
}

type Shape = 'single_parent' | 'two_parents' | 'blended' | 'grandparent_carer' | 'couple' | 'single_adult';

const SHAPES: readonly (readonly [Shape, number])[] = [
  ['single_parent', 34],
  ['two_parents', 32],
  ['blended', 7],
  ['grandparent_carer', 6],
  ['couple', 9],
  ['single_adult', 12],
];

export function buildHousehold(rng: Rng, now: number, bsns: BsnSource): Household {
  const id = rng.uuid();
  const address = pickAddress(rng);
  const persons: PersonRow[] = [];

  const person = (relation: PersonRow['relation'], age: number, gender: Gender, surname: Surname): PersonRow => {
    const generation: Generation = age < 18 ? 'child' : age >= 58 ? 'old' : age < 24 ? 'child' : 'adult';
    const birth = now - Math.round((age * 365.25 + rng.int(1, 360)) * DAY_MS);
    const p: PersonRow = {
      id: rng.uuid(),
      // About 5% without a BSN: newly arrived, unknown or not yet registered.
      bsn: rng.chance(0.05) ? null : bsns.next(),
      givenNames: givenNames(rng, gender, generation),
      prefix: surname.prefix,
      familyName: surname.name,
      birthDate: isoDate(birth),
      gender: rng.chance(0.005) ? 'other' : gender,
      address,
      phone: age >= 18 ? (rng.chance(0.85) ? mobileNumber(rng) : null) : age >= 12 && rng.chance(0.5) ? mobileNumber(rng) : null,
      relation,
      age,
    };
    persons.push(p);
    return p;
  };
  const gender = (pFemale: number): Gender => (rng.chance(pFemale) ? 'female' : 'male');

  // Children first (their ages decide how old the parents can be), then the adults.
  const childAges = (max: number): [number, ...number[]] => {
    const n = rng.weighted([
      [1, 35],
      [2, 35],
      [3, 20],
      [4, 10],
    ] as const);
    const youngAdult = rng.chance(0.12);
    let age = Math.min(max, youngAdult ? rng.int(18, 23) : rng.int(0, 17));
    const ages: [number, ...number[]] = [age];
    for (let i = 1; i < n; i++) {
      age -= rng.int(1, 5);
      if (age < 0) break;
      ages.push(age);
    }
    return ages;
  };

  const shape = rng.weighted(SHAPES);
  const main = pickSurname(rng);
  const caregivers: PersonRow[] = [];
  let kids: number[] = [];
  if (shape === 'single_parent' || shape === 'two_parents' || shape === 'blended') {
    const ages = childAges(23);
    kids = ages;
    const parentAge = Math.min(55, Math.max(20, ages[0] + rng.int(20, 36)));
    const g1 = gender(shape === 'single_parent' ? 0.85 : 0.9);
    caregivers.push(person('parent', parentAge, g1, main));
    if (shape !== 'single_parent') {
      const g2: Gender = rng.chance(0.93) ? (g1 === 'female' ? 'male' : 'female') : g1;
      const age2 = Math.min(55, Math.max(20, parentAge + rng.int(-6, 6), ages[0] + 18));
      caregivers.push(person(shape === 'blended' ? 'partner' : 'parent', age2, g2, rng.chance(0.5) ? main : pickSurname(rng)));
    }
  } else if (shape === 'grandparent_carer') {
    const ages = childAges(17);
    kids = ages;
    const gp = gender(0.7);
    caregivers.push(person('carer', rng.int(Math.max(50, ages[0] + 40), 75), gp, main));
    if (rng.chance(0.4)) caregivers.push(person('carer', rng.int(52, 77), gp === 'female' ? 'male' : 'female', main));
  } else if (shape === 'couple') {
    const g1 = gender(0.5);
    const age = rng.int(22, 55);
    caregivers.push(person('partner', age, g1, main));
    caregivers.push(
      person(
        'partner',
        Math.max(20, age + rng.int(-5, 5)),
        rng.chance(0.93) ? (g1 === 'female' ? 'male' : 'female') : g1,
        rng.chance(0.4) ? main : pickSurname(rng),
      ),
    );
  } else {
    // Single adults: now and then a young adult of 18–23 on their own.
    caregivers.push(person('other', rng.chance(0.2) ? rng.int(18, 23) : rng.int(24, 55), gender(0.55), main));
  }

  // Children mostly carry the household's surname; otherwise the other parent's.
  const childSurname =
    shape === 'grandparent_carer' && rng.chance(0.5)
      ? pickSurname(rng)
      : caregivers[1] && rng.chance(0.6)
        ? { prefix: caregivers[1].prefix, name: caregivers[1].familyName }
        : shape === 'single_parent' && rng.chance(0.3)
          ? pickSurname(rng)
          : main;
  const children = kids.map((age) => person('child', age, gender(0.5), childSurname));

  // Now and then another adult relative lives in.
  if (caregivers.length > 0 && rng.chance(0.04)) person('other', rng.int(19, 50), gender(0.5), rng.chance(0.5) ? main : pickSurname(rng));

  const searchParts = [fullSurname(main)];
  for (const p of persons) searchParts.push(p.givenNames, fullSurname({ prefix: p.prefix, name: p.familyName }));
  const first = (p: PersonRow) => {
    const space = p.givenNames.indexOf(' ');
    return space < 0 ? p.givenNames : p.givenNames.slice(0, space);
  };

  return {
    id,
    name: familyTitle(main),
    searchText: buildSearchText(searchParts),
    persons,
    network: buildNetwork(rng, children.length > 0, main),
    adultNames: caregivers.map(first),
    childNames: children.map(first),
    hasChildren: children.length > 0,
    hasSchoolChild: children.some((c) => c.age >= 4 && c.age <= 12),
  };
}

// Notes by gender of the network member: [female, male].
const NETWORK: Record<NetworkRow['relation'], { gen: Generation; notes: [string[], string[]] }> = {
  grandparent: {
    gen: 'old',
    notes: [
      [
        'Oma, past twee middagen per week op de kinderen',
        'Oma van vaderskant, wil meedenken in het netwerkberaad',
        'Oma, woont in Vlissingen',
      ],
      ['Opa, brengt de kinderen naar school', 'Opa van moederskant, wil meedenken in het netwerkberaad', 'Opa, helpt met klussen in huis'],
    ],
  },
  other_family: {
    gen: 'adult',
    notes: [
      ['Zus van moeder', 'Tante, vangt de kinderen op in crisissituaties', 'Nicht, helpt met vervoer'],
      ['Broer van vader, helpt bij de administratie', 'Oom, vangt de kinderen op in crisissituaties', 'Neef, helpt met vervoer'],
    ],
  },
  neighbour: {
    gen: 'adult',
    notes: [
      ['Buurvrouw, eerste aanspreekpunt bij zorgen', 'Bovenbuurvrouw'],
      ['Buurman, kijkt mee met post en rekeningen', 'Benedenbuurman'],
    ],
  },
  friend: {
    gen: 'adult',
    notes: [
      ['Vriendin, gaat mee naar afspraken', 'Vriendin uit de sportclub'],
      ['Vriend, gaat mee naar afspraken', 'Vriend uit de sportclub'],
    ],
  },
  other: {
    gen: 'adult',
    notes: [
      ['Vrijwilliger van de voedselbank', 'Maatje via het buurthuis', 'Trainer bij de hockeyclub'],
      ['Voetbaltrainer van de oudste', 'Maatje via het buurthuis', 'Vrijwilliger van de voedselbank'],
    ],
  },
};

function buildNetwork(rng: Rng, hasChildren: boolean, main: Surname): NetworkRow[] {
  const n = rng.weighted([
    [0, 25],
    [1, 35],
    [2, 25],
    [3, 15],
  ] as const);
  const out: NetworkRow[] = [];
  for (let i = 0; i < n; i++) {
    const relation = rng.weighted<NetworkRow['relation']>([
      ['grandparent', hasChildren ? 30 : 5],
      ['other_family', 20],
      ['neighbour', 22],
      ['friend', 20],
      ['other', 8],
    ]);
    const spec = NETWORK[relation];
    const surname =
      relation === 'grandparent' || relation === 'other_family' ? (rng.chance(0.6) ? main : pickSurname(rng)) : pickSurname(rng);
    const g: Gender = rng.chance(0.6) ? 'female' : 'male';
    out.push({
      id: rng.uuid(),
      name: `${givenNames(rng, g, spec.gen).split(' ')[0]} ${fullSurname(surname)}`,
      relation,
      phone: rng.chance(0.6) ? mobileNumber(rng) : null,
      note: rng.chance(0.85) ? rng.pick(spec.notes[g === 'female' ? 0 : 1]) : null,
    });
  }
  return out;
}
