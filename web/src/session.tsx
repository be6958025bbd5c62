// The logged-in user, shared by every screen.
import { createContext, useContext } from 'react';

export interface SessionUser {
  id: string; username: string; displayName: string; roles: string[]; organisationId: string; organisationType: string;
  safetyTask: boolean; regionId: string; totpEnrolled: boolean;
}
export interface SessionInfo { state: 'active' | 'totp_required' | 'enrolment_required' | 'password_change_required'; csrfToken: string; expiresAt: string; idleMinutes: number; user: SessionUser }

export const SessionCtx = createContext<{ session: SessionInfo | null; refresh: () => Promise<void> }>({ session: null, refresh: async () => undefined });
export const useSession = () => useContext(SessionCtx);

export const isPrivacyOfficer = (u?: SessionUser | null) => !!u?.roles.includes('privacy_officer');
export const isCareProfessional = (u?: SessionUser | null) => !!u?.roles.some((r) => ['professional', 'coordinator', 'team_lead', 'behavioural_scientist'].includes(r));
export const mayBreakGlass = (u?: SessionUser | null) => !!u && (u.safetyTask || u.roles.includes('team_lead'));
