// API schemas of the session (login, second factor, authenticator app, password) and of the OIDC
// configuration, shared with web/ through the @contract alias: only zod may be imported here.
import { z } from 'zod';
import { msg } from '../../shared/contract/primitives.js';

/** The longest password accepted (argon2 hashes any length; this bounds the work per login). */
export const MAX_PASSWORD_LENGTH = 200;

export const LoginBody = z.strictObject({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) });
export const Code = z
  .string()
  .regex(/^\d{6}$/, msg('Vul de 6 cijfers uit uw authenticator-app in.', 'Enter the 6 digits from your authenticator app.'));
export const CodeBody = z.strictObject({ code: Code });
export const ReplacementBody = z.strictObject({ currentCode: Code, code: Code });
export const PasswordBody = z.strictObject({
  /** Not asked right after a one-time password (the login used it up). */
  currentPassword: z.string().max(MAX_PASSWORD_LENGTH).optional(),
  newPassword: z
    .string()
    .max(MAX_PASSWORD_LENGTH, `nl:Hoogstens ${MAX_PASSWORD_LENGTH} tekens.|At most ${MAX_PASSWORD_LENGTH} characters.`),
});
export const State = z.enum(['active', 'totp_required', 'enrolment_required', 'password_change_required']);
export const LoginResult = z.object({ state: State, csrfToken: z.string() });
export const PasswordChanged = z.object({ state: State });
export const SessionInfo = z.object({
  state: State,
  csrfToken: z.string(),
  expiresAt: z.string(),
  idleMinutes: z.number(),
  user: z.object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    roles: z.array(z.string()),
    organisationId: z.string(),
    organisationType: z.string(),
    safetyTask: z.boolean(),
    regionId: z.string(),
    totpEnrolled: z.boolean(),
    /** The account's language: the web app switches to it after a login unless the user chose one on the login screen. */
    language: z.enum(['nl', 'en']),
  }),
});
export const Enrolment = z.object({ secret: z.string(), uri: z.string(), qrDataUrl: z.string() });

/** Whether login through the organisation's identity provider (OIDC) is possible, and its label. */
export const OidcConfig = z.object({ enabled: z.boolean(), label: z.string() });
