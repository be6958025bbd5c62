// Accepting a handover from another region cannot be undone: the confirm step's lines (what
// src/modules/handovers/handovers.accept.ts and handovers.arrival.ts, and the database function
// regie.handover_answered_elsewhere, do with it) and the result panel after it.
import type { ApiResponse } from '../../api.js';
import { useI18n, useLocalT } from '../../i18n.js';
import { useSession } from '../../session.js';
import { ResultPanel } from '../../ui/confirm.js';
import { useHandoverT } from './texts.js';

type HandoverDetailData = ApiResponse<'GET', '/api/v1/handovers/:handoverId'>;

const nl = {
  coordinatorLine: '{name} wordt de regisseur van een nieuw dossier in uw regio en krijgt daarvan bericht.',
  coordinatorMeLine: 'U wordt de regisseur van een nieuw dossier in uw regio.',
  nobodyLine: 'Het informatiepakket noemt geen personen: alleen uw antwoord wordt vastgelegd; er komt geen gezin of dossier in uw regio.',
  newFamilyLine: 'Het gezin wordt als nieuw gezin in uw regio geregistreerd.',
  existingFamilyLine: 'Het gezin komt bij het bestaande gezin {name} in uw regio.',
  byBsn: '{name}: gekoppeld aan de registratie in uw regio met hetzelfde BSN.',
  confirmed: '{name}: gekoppeld aan {other} (door u bevestigd).',
  registered: '{name}: nieuw geregistreerd in uw regio.',
  basisLine: 'Het casusteam krijgt de grondslag van de overdracht: {basis}.',
  closedThereLine: 'In regio {region} wordt het dossier van {org} afgesloten als verhuisd en eindigt hun toegang.',
  keptThereLine: '{org} blijft in regio {region} bij het gezin betrokken; hun dossier daar blijft open.',
  toldLine: '{org} krijgt bericht dat u de overdracht heeft aanvaard.',
  confirmButton: 'Ja, aanvaard de overdracht',
  title: 'Overdracht aanvaard',
  senderTold: '{org} in regio {region} heeft bericht gekregen.',
  next: '{name} is nu de regisseur en neemt contact op met het gezin. Het eerste contact legt de regisseur vast bij de doorlooptijden van het dossier.',
};
const en: Record<keyof typeof nl, string> = {
  coordinatorLine: '{name} becomes the coordinator of a new case in your region and is told so.',
  coordinatorMeLine: 'You become the coordinator of a new case in your region.',
  nobodyLine: 'The information package names no persons: only your answer is recorded; no family or case is created in your region.',
  newFamilyLine: 'The family is registered as a new family in your region.',
  existingFamilyLine: 'The family joins the existing family {name} in your region.',
  byBsn: '{name}: linked to the record in your region with the same BSN.',
  confirmed: '{name}: linked to {other} (confirmed by you).',
  registered: '{name}: newly registered in your region.',
  basisLine: 'The case team gets the legal basis of the handover: {basis}.',
  closedThereLine: 'In region {region} the case of {org} is closed as moved and their access ends.',
  keptThereLine: '{org} stays involved with the family in region {region}; their case there stays open.',
  toldLine: '{org} is told that you accepted the handover.',
  confirmButton: 'Yes, accept the handover',
  title: 'Handover accepted',
  senderTold: '{org} in region {region} has been told.',
  next: '{name} is now the coordinator and contacts the family. The coordinator records the first contact under the lead times of the case.',
};
const TEXTS = { nl, en };

/** What accepting this handover from another region does, line by line, with the choices made in the form. */
export function useAcceptLines(
  h: HandoverDetailData,
  choice: { nominee: string; nomineeId: string; same: Record<string, string>; family: string },
) {
  const t = useLocalT(TEXTS);
  const { label } = useI18n();
  const me = useSession().session?.user.id;
  const from = { org: h.fromOrganisation.name, region: h.fromOrganisation.regionName };
  const persons = h.arrival?.persons ?? [];
  const families = new Map(
    persons
      .flatMap((p) => p.candidates)
      .filter((c) => c.familyId)
      .map((c) => [c.familyId!, c.familyName ?? '']),
  );
  const nameOf = (personId: string) => h.persons.find((p) => p.personId === personId)?.name ?? '';
  const lines: string[] = [];
  if (h.persons.length === 0) lines.push(t('nobodyLine'));
  else {
    lines.push(choice.nomineeId === me ? t('coordinatorMeLine') : t('coordinatorLine', { name: choice.nominee }));
    lines.push(choice.family === 'new' ? t('newFamilyLine') : t('existingFamilyLine', { name: families.get(choice.family) ?? '' }));
    for (const a of persons) {
      const picked = choice.same[a.personId];
      const other = a.candidates.find((c) => c.personId === picked);
      lines.push(
        a.bsnKnown
          ? t('byBsn', { name: nameOf(a.personId) })
          : other
            ? t('confirmed', { name: nameOf(a.personId), other: other.fullName })
            : t('registered', { name: nameOf(a.personId) }),
      );
    }
    lines.push(t('basisLine', { basis: label(h.legalBasis) }));
  }
  if (h.subjectType === 'case') lines.push(t(h.senderAccess === 'ends' ? 'closedThereLine' : 'keptThereLine', from));
  lines.push(t('toldLine', from));
  return { lines, confirmLabel: t('confirmButton') };
}

export interface Accepted {
  nominee: string;
  familyId: string | null;
  caseId: string | null;
}

/** After accepting: what happened, what comes next, and the way to the family and its lead times. */
export function AcceptResult({ h, accepted }: { h: HandoverDetailData; accepted: Accepted }) {
  const t = useLocalT(TEXTS);
  const ht = useHandoverT();
  const from = { org: h.fromOrganisation.name, region: h.fromOrganisation.regionName };
  const toFamily = ht('toFamily');
  const toLeadTimes = ht('toLeadTimes');
  return (
    <ResultPanel
      outcome={{
        title: t('title'),
        happened: [
          accepted.familyId ? ht('arrivedNotice', { name: accepted.nominee }) : ht('acceptedNotice', { name: accepted.nominee }),
          t('senderTold', from),
        ],
        next: accepted.familyId ? [t('next', { name: accepted.nominee })] : [],
        links: [
          ...(accepted.familyId ? [{ href: `/gezinnen/${accepted.familyId}`, label: toFamily }] : []),
          ...(accepted.caseId ? [{ href: `/doorlooptijden?caseId=${accepted.caseId}`, label: toLeadTimes }] : []),
        ],
      }}
    />
  );
}
