// Burgerservicenummer: nine digits passing the elfproef (11-test):
// 9*d1 + 8*d2 + ... + 2*d8 - 1*d9 must be divisible by 11, and not 0.
export function isValidBsn(bsn: string): boolean {
  if (!/^\d{9}$/.test(bsn)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (9 - i) * Number(bsn[i]);
  sum -= Number(bsn[8]);
  return sum % 11 === 0 && sum !== 0;
}
