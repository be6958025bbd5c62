// A real SMTP server for tests (smtp-server, a dev dependency): started on a free port, it keeps
// every message it accepts, or refuses recipients when asked to. Only tests import this file.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  raw: string;
  /** Headers and decoded bodies of all parts. */ text: string;
}

export interface TestSmtpServer {
  port: number;
  received: ReceivedMail[];
  /** Refuse every recipient with this SMTP code (e.g. 550) until set back to null. */
  refuseWith: number | null;
  /** Keep a received message but answer "250 OK" only after this many ms (a sender killed meanwhile never hears it). */
  holdAckMs: number;
  close(): Promise<void>;
}

/** Decodes quoted-printable and base64 parts, so that tests can look for the link and names. */
export function decodeMime(raw: string): string {
  const out: string[] = [];
  for (const part of raw.split(/\r?\n--[^\r\n]+\r?\n/)) {
    const [head = '', ...rest] = part.split(/\r?\n\r?\n/);
    const body = rest.join('\n\n');
    if (/content-transfer-encoding:\s*base64/i.test(head)) out.push(head, Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8'));
    else if (/content-transfer-encoding:\s*quoted-printable/i.test(head)) out.push(head, decodeQuotedPrintable(body));
    else out.push(part);
  }
  return out.join('\n');
}

function decodeQuotedPrintable(s: string): string {
  const src = s.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < src.length; i++) {
    const hex = src.slice(i + 1, i + 3);
    if (src[i] === '=' && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(...Buffer.from(src.charAt(i), 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

export async function startSmtpServer(): Promise<TestSmtpServer> {
  const state: TestSmtpServer = { port: 0, received: [], refuseWith: null, holdAckMs: 0, close: async () => undefined };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    hideSTARTTLS: true,
    onRcptTo(address, _session, callback) {
      if (state.refuseWith) {
        // Real servers quote the address back; the outbox must not store it.
        return callback(Object.assign(new Error(`<${address.address}>: Recipient address rejected`), { responseCode: state.refuseWith }));
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (d: Buffer) => chunks.push(d));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        state.received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw, text: decodeMime(raw) });
        if (state.holdAckMs) setTimeout(() => callback(), state.holdAckMs);
        else callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  state.port = (server.server.address() as AddressInfo).port;
  state.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return state;
}

/** A port on which nothing listens: a mail server that is down. */
export async function closedPort(): Promise<number> {
  const s = await startSmtpServer();
  await s.close();
  return s.port;
}
