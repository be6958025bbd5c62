// One change to the case at a time: its refusal, or the notice that it was saved (and, after
// closing the case, the reason given, for the focused result panel).
import { useState } from 'react';

/** Runs `fn`; says `ok` when it succeeds (and keeps `closedReason` when the case was closed), or keeps the refusal. */
export type CaseAct = (fn: () => Promise<unknown>, ok: string, closedReason?: string) => Promise<boolean>;

export function useCaseAction(onChanged: () => void) {
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  const [closed, setClosed] = useState<string | null>(null);
  const act: CaseAct = async (fn, ok, closedReason) => {
    setError(null);
    setNotice('');
    setClosed(null);
    try {
      await fn();
      setNotice(ok);
      if (closedReason !== undefined) setClosed(closedReason);
      onChanged();
      return true;
    } catch (err) {
      setError(err);
      return false;
    }
  };
  return { error, notice, closed, act };
}
