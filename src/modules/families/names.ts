// A person's full name as the family page, the audit log and the lists show it: given names, the
// prefix ("van", "de") and the family name. The families module's shared surface for other modules.
export function fullName(p: { given_names: string; family_name_prefix: string | null; family_name: string }) {
  return [p.given_names, p.family_name_prefix, p.family_name].filter(Boolean).join(' ');
}
