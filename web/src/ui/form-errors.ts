// The one form pattern's data: a refusal (from the server, or the form's own check before sending)
// as one plain sentence per field, in the form's order, each tied to the field it is about. Pure,
// so the mapping is unit-tested (form-errors.test.ts); ui/error-summary.tsx renders it as the
// error summary at the top of the form, ui/form-fields.tsx as the message at each field.
import type { ProblemBody } from '@contract/shared/problem.js';

export interface FieldMessage {
  field: string;
  nl: string;
  en: string;
}
export interface SummaryLine {
  field?: string;
  id?: string;
  text: string;
}

/** The element id of the input for a request field (`members[0].givenNames` → `fld-members-0-givenNames`). */
export function fieldId(field: string): string {
  return `fld-${field.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '')}`;
}

/**
 * The fields a server path can be shown at, most precise first: a finding about `personIds[2]`
 * belongs at the person checkboxes (`personIds`), one about `members[0].bsn` at that member's BSN.
 */
export function fieldCandidates(field: string): string[] {
  const out: string[] = [];
  let f = field;
  while (f) {
    out.push(f);
    const next = f.replace(/(\[\d+\]|\.[^.[\]]+)$/, '');
    if (next === f) break;
    f = next;
  }
  return out;
}

/** The findings of a problem, one per field (the first counts), in the server's order. */
export function problemMessages(p: Pick<ProblemBody, 'errors' | 'field' | 'detail' | 'detailEn'> | null | undefined): FieldMessage[] {
  if (!p) return [];
  const out = new Map<string, FieldMessage>();
  for (const e of p.errors ?? []) if (!out.has(e.field)) out.set(e.field, { field: e.field, nl: e.detail, en: e.detailEn || e.detail });
  if (p.field && !out.has(p.field) && !(p.errors ?? []).length)
    out.set(p.field, { field: p.field, nl: p.detail, en: p.detailEn || p.detail });
  return [...out.values()];
}

/** Per field, the message to show at it (keyed by the server path, and by the field it falls back to). */
export function messagesByField(messages: FieldMessage[], lang: 'nl' | 'en'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of messages) {
    const text = lang === 'en' ? m.en : m.nl;
    for (const f of fieldCandidates(m.field)) if (!(f in out)) out[f] = text;
  }
  return out;
}

/**
 * The error summary's lines: one per field, linked to the input the form shows for it (the
 * first of its candidates that `shown` knows), in the order of `order` (the ids of the form's
 * inputs as they appear); a finding about a field the form does not show keeps its plain sentence, last.
 */
export function summaryLines(
  messages: FieldMessage[],
  lang: 'nl' | 'en',
  shown: (field: string) => boolean,
  order: string[] = [],
  idOf: (field: string) => string = fieldId,
): SummaryLine[] {
  const seen = new Set<string>();
  const lines: Array<SummaryLine & { rank: number }> = [];
  messages.forEach((m, i) => {
    const target = fieldCandidates(m.field).find(shown);
    const key = target ?? `?${m.field}`;
    if (seen.has(key)) return; // one line per field the user sees
    seen.add(key);
    const text = lang === 'en' ? m.en : m.nl;
    const pos = target ? order.indexOf(idOf(target)) : -1;
    lines.push(
      target
        ? { field: target, id: idOf(target), text, rank: pos >= 0 ? pos : order.length + i }
        : { text, rank: Number.MAX_SAFE_INTEGER - messages.length + i },
    );
  });
  return lines.sort((a, b) => a.rank - b.rank).map(({ rank: _r, ...l }) => l);
}

/**
 * A form's own check before sending: per field, the first rule that fails gives its one
 * message ("Vul het BSN in" before "Het BSN heeft 9 cijfers" before the elfproef).
 */
export type Rule = readonly [failed: boolean, nl: string, en: string];
export function check(fields: Array<readonly [field: string, rules: Rule[]]>): FieldMessage[] {
  const out: FieldMessage[] = [];
  for (const [field, rules] of fields) {
    const first = rules.find(([failed]) => failed);
    if (first) out.push({ field, nl: first[1], en: first[2] });
  }
  return out;
}
