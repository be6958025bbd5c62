// Burgerservicenummer: the 11-test lives in the shared contract module (the web app checks it too).
import { isValidBsn } from '../../shared/contract/bsn.js';
export { isValidBsn };

/** Completes eight digits with the check digit, or returns null when no digit 0–9 fits. */
export function completeBsn(first8: string): string | null {
  if (!/^\d{8}$/.test(first8)) return null;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (9 - i) * Number(first8[i]);
  const check = sum % 11;
  if (check > 9) return null;
  const bsn = first8 + String(check);
  return isValidBsn(bsn) ? bsn : null;
}
