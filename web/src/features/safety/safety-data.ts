// The safety section's data as the API answers it, and the text key of a value (`d_safe`, `o_person`, …).
import type { ApiResponse } from '../../api.js';
import type { SafetyKey } from './texts.js';

export type Safety = ApiResponse<'GET', '/api/v1/cases/:caseId/safety'>;
export type Party = Safety['parties'][number];
export const key = (s: string) => s as SafetyKey;
