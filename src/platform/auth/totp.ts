import { generateSecret, generateURI, verify, generate } from 'otplib';
import QRCode from 'qrcode';

export const TOTP_PERIOD = 30;

export function newTotpSecret(): string {
  return generateSecret();
}

export async function totpEnrolment(secret: string, account: string) {
  const uri = generateURI({ issuer: 'Regie', label: account, secret });
  const qrDataUrl = await QRCode.toDataURL(uri, { margin: 1, width: 220 });
  return { secret, uri, qrDataUrl };
}

/**
 * The time step (30 s) a code belongs to, one step of clock drift either way, or null. With
 * `afterStep`, only later steps count: each step is accepted once per account (replay).
 */
export async function matchTotp(secret: string, code: string, afterStep?: number | null): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  try {
    const r = await verify({ secret, token: code, epochTolerance: TOTP_PERIOD, ...(afterStep != null ? { afterTimeStep: afterStep } : {}) });
    return r.valid && "timeStep" in r ? r.timeStep : null;
  } catch {
    return null;
  }
}

export async function checkTotp(secret: string, code: string): Promise<boolean> {
  return (await matchTotp(secret, code)) !== null;
}

const issued = new Map<string, number>();

/**
 * For tests and demos: a valid code that this process has not handed out before for this
 * secret. Each time step is accepted once per account, so a second code in the same 30 s is
 * the next step's (accepted within the drift window), and a fourth waits for the clock.
 */
export async function currentTotp(secret: string): Promise<string> {
  const now = Math.floor(Date.now() / 1000 / TOTP_PERIOD);
  let step = Math.max(now - 1, (issued.get(secret) ?? -Infinity) + 1);
  while (step > Math.floor(Date.now() / 1000 / TOTP_PERIOD) + 1) await new Promise((r) => setTimeout(r, 250));
  // A step at the edge of the window may expire in transit: start at now - 1 only when fresh.
  if (step === now - 1 && Date.now() / 1000 - now * TOTP_PERIOD > TOTP_PERIOD - 5) step = now;
  issued.set(secret, step);
  return generate({ secret, epoch: step * TOTP_PERIOD });
}
