import { generateSecret, generateURI, verify, generate } from 'otplib';
import QRCode from 'qrcode';

export function newTotpSecret(): string {
  return generateSecret();
}

export async function totpEnrolment(secret: string, account: string) {
  const uri = generateURI({ issuer: 'Regie', label: account, secret });
  const qrDataUrl = await QRCode.toDataURL(uri, { margin: 1, width: 220 });
  return { secret, uri, qrDataUrl };
}

export async function checkTotp(secret: string, code: string): Promise<boolean> {
  if (!/^\d{6}$/.test(code)) return false;
  try {
    const r = await verify({ secret, token: code, epochTolerance: 30 });
    return r.valid;
  } catch {
    return false;
  }
}

export function currentTotp(secret: string): Promise<string> {
  return generate({ secret });
}
