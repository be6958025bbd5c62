// "Possibly the same person": exact BSN, else name + birth date compared tolerantly — accents,
// tussenvoegsels ("van der"), hyphenated and double surnames, and one typo. The result is only
// ever a suggestion for a professional to confirm or reject; nothing is merged silently.

const PREFIXES = new Set([
  'van',
  'der',
  'den',
  'de',
  'het',
  'ter',
  'ten',
  'te',
  'op',
  'in',
  "'t",
  't',
  'la',
  'le',
  'du',
  'da',
  'di',
  'del',
  'el',
  'al',
  'vd',
  'v',
]);

export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/ı/g, 'i')
    .toLowerCase()
    .replace(/[^a-z0-9' ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The significant parts of a family name: "van der Berg-de Vries" → ["berg", "vries"]. */
export function surnameParts(prefix: string | null | undefined, familyName: string): string[] {
  const words = fold(`${prefix ?? ''} ${familyName}`)
    .split(' ')
    .filter(Boolean);
  const significant = words.filter((w) => !PREFIXES.has(w));
  return significant.length ? significant : words; // a surname such as "Van" or "Ter" on its own
}

/** Damerau–Levenshtein distance (optimal string alignment), small strings only. */
export function editDistance(a: string, b: string): number {
  // d[i][j]: the distance between the first i letters of a and the first j of b.
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number): number => {
    const v = d[i]?.[j];
    if (v === undefined) throw new Error(`editDistance: no cell ${i},${j} in a ${a.length + 1}×${b.length + 1} matrix`);
    return v;
  };
  for (const [i, row] of d.entries()) {
    if (i === 0) continue;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(at(i, j), at(i - 2, j - 2) + 1);
    }
  }
  return at(a.length, b.length);
}

/**
 * Typos allowed between two words: none below `from` letters (Bos and Bot are two families), one
 * from there, two from nine letters. A surname word tolerates one typo from four letters ("Berg" /
 * "Bergh"); a first name from five, so twins called Anna and Anne are not proposed as one person.
 */
const allowedEdits = (a: string, b: string, from: number) => {
  const n = Math.min(a.length, b.length);
  return (n >= from ? 1 : 0) + (n >= 9 ? 1 : 0);
};
const closeEnough = (a: string, b: string, from = 5) => a === b || editDistance(a, b) <= allowedEdits(a, b, from);
const SURNAME_FROM = 4;
/** 1 for equal words, less for each typo relative to the length. */
const similarity = (a: string, b: string) => (a === b ? 1 : 1 - editDistance(a, b) / Math.max(a.length, b.length, 1));

export interface PersonKey {
  bsn?: string | null;
  givenNames: string;
  familyNamePrefix?: string | null;
  familyName: string;
  birthDate?: string | null;
}

export type MatchReason = 'bsn' | 'name_and_birth_date';

/** Why two records may be the same person, or null. Symmetric. */
export function possibleSameReason(a: PersonKey, b: PersonKey): MatchReason | null {
  if (a.bsn && b.bsn) return a.bsn === b.bsn ? 'bsn' : null; // two different valid BSNs are two people
  if (!a.birthDate || !b.birthDate || a.birthDate !== b.birthDate) return null;
  const sa = surnameParts(a.familyNamePrefix, a.familyName);
  const sb = surnameParts(b.familyNamePrefix, b.familyName);
  const surnameMatch = sa.some((x) => sb.some((y) => closeEnough(x, y, SURNAME_FROM)));
  if (!surnameMatch) return null;
  const ga = fold(a.givenNames).split(' ').filter(Boolean);
  const gb = fold(b.givenNames).split(' ').filter(Boolean);
  const [a0] = ga;
  const [b0] = gb;
  if (a0 === undefined || b0 === undefined) return null;
  // First given names close, or one side gives only initials that fit ("J." vs "Jan").
  const first = closeEnough(a0, b0) || (a0.length === 1 && b0.startsWith(a0)) || (b0.length === 1 && a0.startsWith(b0));
  return first ? 'name_and_birth_date' : null;
}

/**
 * How alike two possibly-same persons are, 0..1, for ranking proposals (null: not a possible
 * match at all). Same BSN: 1. Otherwise the birth date is equal and the score weighs the closest
 * surname words and the first given names: "Zoë van der Bergh" for "Zoë van der Berg" scores 0.95.
 */
export function matchScore(a: PersonKey, b: PersonKey): number | null {
  const reason = possibleSameReason(a, b);
  if (!reason) return null;
  if (reason === 'bsn') return 1;
  const sa = surnameParts(a.familyNamePrefix, a.familyName);
  const sb = surnameParts(b.familyNamePrefix, b.familyName);
  const surname = Math.max(...sa.flatMap((x) => sb.map((y) => similarity(x, y))));
  const ga = fold(a.givenNames).split(' ')[0] ?? '';
  const gb = fold(b.givenNames).split(' ')[0] ?? '';
  const given = ga.length === 1 || gb.length === 1 ? 0.5 : similarity(ga, gb); // initials only: half
  return Math.round((0.6 + 0.25 * surname + 0.15 * given) * 100) / 100;
}
