// The logged-in user, shared by every screen.
import { createContext, useContext } from 'react';
import type { ApiResponse } from './api.js';

export type SessionInfo = ApiResponse<'GET', '/api/v1/session'>;
export type SessionUser = SessionInfo['user'];

export const SessionCtx = createContext<{ session: SessionInfo | null; refresh: () => Promise<void> }>({
  session: null,
  refresh: async () => undefined,
});
export const useSession = () => useContext(SessionCtx);

export const isPrivacyOfficer = (u?: SessionUser | null) => !!u?.roles.includes('privacy_officer');
export const isCareProfessional = (u?: SessionUser | null) =>
  !!u?.roles.some((r) => ['professional', 'coordinator', 'team_lead', 'behavioural_scientist'].includes(r));
export const mayBreakGlass = (u?: SessionUser | null) => !!u && (u.safetyTask || u.roles.includes('team_lead'));
