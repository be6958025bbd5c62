import { generateSecret, generateURI, verify, generate } from 'otplib';
import QRCode from 'qrcode';

export const TOTP_PERIOD = 30;

// The clock codes are checked against: the real one, unless a test moved it on (currentTotp).
let skewSeconds = 0;
/** Seconds since the epoch, as the TOTP check sees them. */
export const totpNow = () => Math.floor(Date.now() / 1000) + skewSeconds;

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
    const r = await verify({
      secret,
      token: code,
      epoch: totpNow(),
      epochTolerance: TOTP_PERIOD,
      ...(afterStep != null ? { afterTimeStep: afterStep } : {}),
    });
    return r.valid && 'timeStep' in r ? r.timeStep : null;
  } catch {
    return null;
  }
}

export async function checkTotp(secret: string, code: string): Promise<boolean> {
  return (await matchTotp(secret, code)) !== null;
}

const issued = new Map<string, number>();

/**
 * For tests only (the server never calls it): a valid code that this process has not handed out
 * before for this secret. Each time step is accepted once per account, so a second code within
 * 30 s is the next step's; when the drift window is used up, the TOTP clock of this process is
 * moved on a step instead of waiting for the real one.
 */
export async function currentTotp(secret: string): Promise<string> {
  const step = () => Math.floor(totpNow() / TOTP_PERIOD);
  // Not the previous step near the end of this one: it could expire before it is checked.
  const earliest = totpNow() % TOTP_PERIOD > TOTP_PERIOD - 5 ? step() : step() - 1;
  const next = Math.max(earliest, (issued.get(secret) ?? -Infinity) + 1);
  if (next > step() + 1) skewSeconds += (next - step() - 1) * TOTP_PERIOD;
  issued.set(secret, next);
  return generate({ secret, epoch: next * TOTP_PERIOD });
}
