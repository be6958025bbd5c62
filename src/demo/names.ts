// Dutch names and Walcheren addresses for synthetic persons. All people are invented; the
// street names are real-sounding on purpose so the demo reads like a municipal file.
import type { Rng } from './random.js';
import { normaliseSearch } from '../modules/families/families.repo.js';

export interface Surname {
  prefix: string | null;
  name: string;
}

// Common Dutch surnames, Zeeland surnames (Minderhoud, Dieleman, Kodde...) and the surnames of
// families with a migration background that live in Middelburg and Vlissingen.
const SURNAMES_RAW = [
  'de Vries',
  'Jansen',
  'de Jong',
  'van den Berg',
  'van Dijk',
  'Bakker',
  'Janssen',
  'Visser',
  'Smit',
  'Meijer',
  'de Boer',
  'Mulder',
  'de Groot',
  'Bos',
  'Vos',
  'Peters',
  'Hendriks',
  'van Leeuwen',
  'Dekker',
  'Brouwer',
  'de Wit',
  'Dijkstra',
  'Smits',
  'de Graaf',
  'van der Meer',
  'van der Linden',
  'Kok',
  'Jacobs',
  'de Haan',
  'Vermeulen',
  'van den Heuvel',
  'van der Veen',
  'van den Broek',
  'de Bruijn',
  'van der Heijden',
  'Schouten',
  'van Beek',
  'Willems',
  'van Wijk',
  'Hoekstra',
  'Maas',
  'Verhoeven',
  'Koster',
  'Prins',
  'van der Wal',
  'de Klerk',
  'Verhulst',
  'Minderhoud',
  'Dieleman',
  'Wisse',
  'Kodde',
  'Sinke',
  'Kesteloo',
  'Louwerse',
  'Joosse',
  'Huibregtse',
  'de Kam',
  'Melse',
  'van Belzen',
  'Verburg',
  'Geldof',
  'Boone',
  'Roelse',
  'Adriaanse',
  'Bliek',
  'Leijnse',
  'Jobse',
  'Wondergem',
  'Hoogerland',
  'de Visser',
  'Lievense',
  'van Sluijs',
  'Poppe',
  'Dregmans',
  'de Ridder',
  'van de Velde',
  'Goedhart',
  'Moens',
  'Bimmel',
  'Kaljouw',
  'Meliefste',
  "van 't Westeinde",
  'de Munck',
  'Marijs',
  'Schipper',
  'van Hoepen',
  'Cijsouw',
  'Brasser',
  'Verdonk',
  'Yılmaz',
  'Kaya',
  'Öztürk',
  'Demir',
  'El Amrani',
  'Bouzid',
  'Haddad',
  'Nguyen',
  'Kowalski',
  'Nowak',
  'Tesfay',
  'Abdi',
  'dos Santos',
  'Martens',
  'Goossens',
  'van Damme',
  'Claeys',
  'Wouters',
  'Ramdin',
  'Bakkali',
];
const PREFIXES = ["van 't", 'van der', 'van den', 'van de', 'van', 'de', 'dos'];

export const SURNAMES: readonly Surname[] = SURNAMES_RAW.map((s) => {
  for (const p of PREFIXES) if (s.startsWith(p + ' ')) return { prefix: p, name: s.slice(p.length + 1) };
  return { prefix: null, name: s };
});

// Given names by generation: adults born roughly 1968–2005, children 2002–2026, grandparents 1945–1975.
const ADULT_F = [
  'Sanne',
  'Linda',
  'Marieke',
  'Esther',
  'Kim',
  'Sandra',
  'Anouk',
  'Petra',
  'Monique',
  'Ilse',
  'Nicole',
  'Laura',
  'Femke',
  'Lisanne',
  'Chantal',
  'Daniëlle',
  'Ingrid',
  'Jolanda',
  'Miranda',
  'Naima',
  'Fatima',
  'Ayşe',
  'Esra',
  'Kelly',
  'Priscilla',
  'Marloes',
  'Wendy',
  'Bianca',
  'Annemieke',
  'Inge',
  'Maria',
  'Agnieszka',
  'Thuy',
  'Sharon',
  'Joyce',
  'Karin',
  'Manon',
  'Rianne',
  'Romy',
  'Britt',
];
const ADULT_M = [
  'Jan',
  'Peter',
  'Mark',
  'Dennis',
  'Jeroen',
  'Bas',
  'Martijn',
  'Kevin',
  'Ricardo',
  'Sander',
  'Erik',
  'Johan',
  'Marco',
  'Wouter',
  'Ruben',
  'Michiel',
  'Daniël',
  'Mohamed',
  'Ahmed',
  'Mehmet',
  'Youssef',
  'Piotr',
  'Hamid',
  'Robin',
  'Stefan',
  'Patrick',
  'Rob',
  'Arjan',
  'Niels',
  'Joost',
  'Bram',
  'Tim',
  'Remco',
  'Jurgen',
  'Ronald',
  'Vincent',
  'René',
  'Kees',
  'Adrie',
  'Lennart',
];
const CHILD_F = [
  'Emma',
  'Julia',
  'Mila',
  'Tess',
  'Sophie',
  'Zoë',
  'Sara',
  'Noor',
  'Evi',
  'Liv',
  'Nora',
  'Fleur',
  'Anna',
  'Lotte',
  'Lieke',
  'Isa',
  'Saar',
  'Yara',
  'Nina',
  'Roos',
  'Fenna',
  'Chloë',
  'Noë',
  'Amira',
  'Hiba',
  'Elif',
  'Maja',
  'Lina',
  'Jasmijn',
  'Femke',
  'Anaïs',
  'Inès',
  'Lisa',
  'Eva',
  'Ilse',
];
const CHILD_M = [
  'Noah',
  'Liam',
  'Luca',
  'Daan',
  'Sem',
  'Finn',
  'Levi',
  'Milan',
  'Bram',
  'Sven',
  'Jesse',
  'Lucas',
  'Thijs',
  'Jens',
  'Ruben',
  'Mees',
  'Adam',
  'Mohammed',
  'Ayoub',
  'Emir',
  'Yusuf',
  'Jayden',
  'Dex',
  'Siem',
  'Joël',
  'Gijs',
  'Teun',
  'Stijn',
  'Tobias',
  'Kacper',
  'Olivier',
  'Hugo',
  'Jan',
  'Niek',
  'Max',
];
const OLD_F = ['Truus', 'Riet', 'Annie', 'Corrie', 'Janny', 'Gerda', 'Tineke', 'Adriana', 'Willy', 'Lenie', 'Marga', 'Ria'];
const OLD_M = ['Kees', 'Piet', 'Adriaan', 'Wim', 'Henk', 'Cor', 'Jaap', 'Leen', 'Gerrit', 'Huib', 'Bram', 'Ko'];

// Second given names as they appear in the civil register ("Johanna Maria").
const SECOND_F = ['Maria', 'Johanna', 'Cornelia', 'Elisabeth', 'Adriana', 'Wilhelmina', 'Anna', 'Catharina'];
const SECOND_M = ['Johannes', 'Cornelis', 'Pieter', 'Adrianus', 'Jacobus', 'Hendrik', 'Willem', 'Marinus'];

export type Generation = 'child' | 'adult' | 'old';
export type Gender = 'female' | 'male';

export function givenNames(rng: Rng, gender: Gender, generation: Generation): string {
  const list =
    generation === 'child'
      ? gender === 'female'
        ? CHILD_F
        : CHILD_M
      : generation === 'old'
        ? gender === 'female'
          ? OLD_F
          : OLD_M
        : gender === 'female'
          ? ADULT_F
          : ADULT_M;
  const first = rng.pick(list);
  if (!rng.chance(0.22)) return first;
  const second = rng.pick(gender === 'female' ? SECOND_F : SECOND_M);
  return second === first ? first : `${first} ${second}`;
}

export function pickSurname(rng: Rng): Surname {
  return rng.pick(SURNAMES);
}

/** "de Vries" → "de Vries"; "Jansen" → "Jansen". */
export function fullSurname(s: Surname): string {
  return s.prefix ? `${s.prefix} ${s.name}` : s.name;
}

/** As at the start of a sentence or a title: "Gezin De Vries", "Gezin Van der Meer". */
export function familyTitle(s: Surname): string {
  const full = fullSurname(s);
  return `Gezin ${full.charAt(0).toUpperCase()}${full.slice(1)}`;
}

/** The same folding as the search itself, so generated families are found like registered ones. */
export const foldForSearch = normaliseSearch;

/** Name parts once each, in order, folded and space-joined: the words family_search_words (migration 0390) is searched by. */
export function buildSearchText(parts: string[]): string {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const p of parts) {
    const f = foldForSearch(p);
    if (f && !seen.has(f)) {
      seen.add(f);
      out.push(f);
    }
  }
  return out.join(' ');
}

// Postcode letters never use F, I, O, Q, U or Y; SA, SD and SS are not issued either.
const PC_LETTERS = 'ABCEGHJKLMNPRSTVWXZ';

interface Place {
  city: string;
  postcodes: [number, number];
  streets: string[];
}

const PLACES: { place: Place; weight: number }[] = [
  {
    weight: 45,
    place: {
      city: 'Middelburg',
      postcodes: [4331, 4339],
      streets: [
        'Lange Noordstraat',
        'Korte Burg',
        'Segeersstraat',
        'Seisweg',
        'Veerseweg',
        'Dauwendaelseweg',
        'Kruisweg',
        'Zuiderkade',
        'Nieuwe Haven',
        'Herenstraat',
        'Stromenweg',
        'Mortiereboulevard',
        'Oude Veerseweg',
        'Vlissingsestraat',
        'Griffioenstraat',
        'Zandweg',
        'Jacob Catslaan',
        'Torenhoeve',
        'Klarinetstraat',
        'Valkenburgstraat',
        'Het Zwin',
        'Koudekerkseweg',
      ],
    },
  },
  {
    weight: 40,
    place: {
      city: 'Vlissingen',
      postcodes: [4381, 4388],
      streets: [
        'Walstraat',
        'Coosje Buskenstraat',
        'Paul Krugerstraat',
        'Boulevard Bankert',
        'Glacisstraat',
        'Badhuisstraat',
        'Scheldestraat',
        'Vrijdomweg',
        'Van Dishoeckstraat',
        'Burgemeester van Woelderenlaan',
        'Singel',
        'Bloemenlaan',
        'Kleine Markt',
        'Aagje Dekenstraat',
        'Lammerenburg',
        'Dokter Zamenhofstraat',
        'Gildeweg',
        'Pres. Rooseveltlaan',
      ],
    },
  },
  { weight: 6, place: { city: 'Veere', postcodes: [4351, 4351], streets: ['Markt', 'Kapellestraat', 'Wijngaardstraat', 'Oudestraat'] } },
  {
    weight: 4,
    place: { city: 'Domburg', postcodes: [4357, 4357], streets: ['Weststraat', 'Noordstraat', 'Roggeweg', 'Schuitvlotstraat'] },
  },
  {
    weight: 5,
    place: { city: 'Koudekerke', postcodes: [4371, 4371], streets: ['Dorpsstraat', 'Kerkring', 'Galgeweg', 'Pr. Bernhardstraat'] },
  },
];

export interface Address {
  street: string;
  houseNumber: string;
  postcode: string;
  city: string;
}

export function pickAddress(rng: Rng): Address {
  const place = rng.weighted(PLACES.map((p) => [p.place, p.weight] as const));
  const digits = rng.int(place.postcodes[0], place.postcodes[1]);
  let letters: string;
  do letters = rng.pick([...PC_LETTERS]) + rng.pick([...PC_LETTERS]);
  while (letters === 'SA' || letters === 'SD' || letters === 'SS');
  const n = rng.int(1, 180);
  const suffix = rng.chance(0.12) ? rng.pick(['a', 'b', 'A', '-1', '-2', ' bis']) : '';
  return { street: rng.pick(place.streets), houseNumber: `${n}${suffix}`, postcode: `${digits} ${letters}`, city: place.city };
}

/** A Dutch mobile number in the 06 range (invented, not checked against real subscribers). */
export function mobileNumber(rng: Rng): string {
  return `06-${String(rng.int(10_000_000, 99_999_999))}`;
}
