// The professionals of the region, for the case's forms (and triage, and registering a family).
import { useApi } from '../../data.js';

/** The professionals of the region; `qualified`: only those who may coordinate. */
export function useProfessionals(qualified: boolean) {
  return useApi('/api/v1/professionals', { query: qualified ? { qualified: 'true' } : {} }).data?.items ?? [];
}
