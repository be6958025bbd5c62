// The agreed plan as a PDF to hand over (to the family, and when needed to the court or the Raad
// voor de Kinderbescherming): a tagged PDF (PDF/UA with pdfkit) in Dutch, with real text,
// headings and tables — family, version, date, goals, the family's own goals, actions with owners
// and dates, the safety plan, and who agreed and when. Generating it is audited like a read.
import { existsSync, readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import type { Database, Tx } from '../../platform/db/db.js';
import { asActor } from '../../platform/db/actor-tx.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAccess } from '../../platform/audit/audit.js';
import { Conflict, NotFound } from '../../platform/http/errors.js';
import { DOMAIN_LABELS } from '../../shared/contract/domains.js';
import { familyPersonIds } from '../timeline/timeline.js';
import { accessAudit, familyAccess } from '../cases/public.js';
import { findVersion, versionDetail } from './plans.repo.js';
import type { z } from 'zod';
import type { PlanVersion } from './plans.contract.js';

/** An embedded font is what PDF/UA asks; DejaVu Sans where the system has it, else the standard Helvetica (not embedded). */
const FONT_DIR = process.env.PDF_FONT_DIR ?? '/usr/share/fonts/truetype/dejavu';
const REGULAR = `${FONT_DIR}/DejaVuSans.ttf`;
const BOLD = `${FONT_DIR}/DejaVuSans-Bold.ttf`;
const embedded = existsSync(REGULAR) && existsSync(BOLD);

/**
 * A font as pdfkit uses it once parsed (a fontkit font), with what it learned kept across documents:
 * the parsed tables and glyphs, and the layout of each word already set (pdfkit lays out text word
 * by word and keeps those runs per document only). Each document still embeds only its own subset.
 */
interface ParsedFont {
  font: PDFKit.Mixins.PDFFontSource;
  layoutCache: Record<string, unknown>;
}
/** pdfkit (0.20) takes a parsed font as a font source; parsing it through a page-less document keeps fontkit pdfkit's own business. */
function parseFont(file: Buffer): ParsedFont {
  const probe = new PDFDocument({ autoFirstPage: false });
  probe.font(file);
  const font = (probe as unknown as { _font: { font: PDFKit.Mixins.PDFFontSource } })._font.font;
  return { font, layoutCache: Object.create(null) as Record<string, unknown> };
}
/** Read and parsed once per process, on the first PDF. */
let fonts: { regular: ParsedFont; bold: ParsedFont } | null = null;
function embeddedFonts() {
  if (embedded && !fonts) fonts = { regular: parseFont(readFileSync(REGULAR)), bold: parseFont(readFileSync(BOLD)) };
  return fonts;
}
/** Selects a registered font and lets its per-document layout cache be the process-wide one (the runs depend on the font only). */
function useFont(doc: Doc, name: 'body' | 'bold', parsed: ParsedFont | undefined) {
  doc.font(name);
  const current = (doc as unknown as { _font?: { layoutCache?: Record<string, unknown> } })._font;
  if (parsed && current?.layoutCache && current.layoutCache !== parsed.layoutCache) current.layoutCache = parsed.layoutCache;
}

const REQUIREMENT: Record<string, string> = {
  agree: 'akkoord',
  heard: 'gehoord (jonger dan 12)',
  agree_with_parents: 'akkoord samen met ouders (12–15)',
  agree_own_part: 'eigen deel akkoord (16+)',
};
const ANSWER: Record<string, string> = { agreed: 'akkoord', disagreed: 'niet akkoord', heard: 'gehoord' };
const VIA: Record<string, string> = {
  conversation: 'in een gesprek',
  phone: 'telefonisch',
  in_writing: 'schriftelijk',
  video: 'via video',
  own_account: 'zelf in Regie',
};
const STATUS: Record<string, string> = { open: 'open', done: 'gedaan', not_done: 'niet gedaan' };
/** One formatter for every date (toLocaleDateString would build a new one per call: the most of a PDF's time once). */
const NL_DATE = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const nlDate = (iso: string | null) => (iso ? NL_DATE.format(new Date(`${iso.slice(0, 10)}T12:00:00Z`)) : '—');

export interface PlanPdfData {
  familyName: string;
  coordinator: string | null;
  version: z.infer<typeof PlanVersion>;
  /** The safety plan kept with the version when it was proposed (null: proposed before versions kept it). */
  safetyPlan: z.infer<typeof PlanVersion>['safetyPlan'];
}

export async function planPdf(db: Database, actor: Actor, versionId: string): Promise<{ fileName: string; bytes: Buffer }> {
  const data = await asActor(db, actor, async (tx) => {
    const v = await findVersion(tx, actor.regionId, versionId);
    if (!v) throw new NotFound('plan-version', versionId);
    const access = await familyAccess(tx, actor, v.family_id);
    await recordAccess(tx, actor, {
      action: 'read',
      objectType: 'plan-pdf',
      objectId: versionId,
      personIds: await familyPersonIds(tx, actor.regionId, v.family_id),
      ...accessAudit(access),
    });
    if (!v.decided_at || (v.status !== 'agreed' && v.status !== 'superseded'))
      throw new Conflict(
        'plan_not_agreed',
        { nl: 'Alleen een plan waarop akkoord is gegeven wordt als PDF gemaakt.', en: 'Only an agreed plan is made into a PDF.' },
        'versionId',
      );
    return pdfData(tx, actor, v.family_id, v.case_id, await versionDetail(tx, actor.regionId, v));
  });
  return { fileName: `plan-versie-${data.version.number}.pdf`, bytes: await renderPlanPdf(data) };
}

async function pdfData(tx: Tx, actor: Actor, familyId: string, caseId: string, version: z.infer<typeof PlanVersion>): Promise<PlanPdfData> {
  const fam = await tx.query<{ name: string }>(`SELECT name FROM families WHERE region_id = $1 AND id = $2`, [actor.regionId, familyId]);
  const coord = await tx.query<{ name: string; org: string }>(
    `SELECT u.display_name AS name, o.name AS org FROM case_team ct JOIN users u ON u.region_id = ct.region_id AND u.id = ct.user_id
      JOIN organisations o ON o.region_id = ct.region_id AND o.id = ct.organisation_id WHERE ct.region_id = $1 AND ct.case_id = $2 AND ct.role = 'coordinator' AND ct.ended_at IS NULL`,
    [actor.regionId, caseId],
  );
  return {
    familyName: fam[0]?.name ?? '',
    coordinator: coord[0] ? `${coord[0].name} (${coord[0].org})` : null,
    version,
    safetyPlan: version.safetyPlan,
  };
}

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

export function renderPlanPdf(d: PlanPdfData): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    pdfVersion: '1.7',
    tagged: true,
    subset: 'PDF/UA',
    displayTitle: true,
    lang: 'nl-NL',
    info: {
      Title: `Plan ${d.familyName}, versie ${d.version.number}`,
      Author: 'Regie',
      Subject: 'Gezinsplan (1 Gezin, 1 Plan, 1 Regisseur)',
    },
  } as unknown as PDFKit.PDFDocumentOptions);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const f = embeddedFonts();
  if (f) {
    doc.registerFont('body', f.regular.font);
    doc.registerFont('bold', f.bold.font);
    // Each font's document-side object is made on its first use: hand both the shared layout cache now.
    useFont(doc, 'bold', f.bold);
    useFont(doc, 'body', f.regular);
  } else {
    doc.registerFont('body', 'Helvetica');
    doc.registerFont('bold', 'Helvetica-Bold');
    doc.font('body');
  }
  const root = doc.struct('Document');
  doc.addStructure(root);
  const v = d.version;
  const heading = (level: 1 | 2, text: string) =>
    root.add(
      doc.struct(`H${level}`, {}, () => {
        doc
          .font('bold')
          .fontSize(level === 1 ? 18 : 13)
          .text(text, { paragraphGap: 6 });
        doc.font('body').fontSize(10);
      }),
    );
  const para = (text: string) =>
    root.add(
      doc.struct('P', {}, () => {
        doc.fontSize(10).text(text, { paragraphGap: 4 });
      }),
    );

  heading(1, `Plan van ${d.familyName}`);
  para(
    `Versie ${v.number} van ${nlDate(v.planDate)}. Akkoord op ${nlDate(v.decidedAt)}.${d.coordinator ? ` Regisseur: ${d.coordinator}.` : ''}`,
  );
  const domain = (x: string) => DOMAIN_LABELS.nl[x as keyof (typeof DOMAIN_LABELS)['nl']] ?? x;

  heading(2, 'Doelen');
  const goals = v.goals.filter((g) => !g.familyOwn);
  if (goals.length === 0) para('Geen doelen van professionals in deze versie.');
  else
    table(
      doc,
      root,
      ['Levensdomein', 'Doel', 'Over wie', 'Streefscore', 'Streefdatum'],
      [110, 175, 85, 60, 65],
      goals.map((g) => [
        domain(g.domain),
        g.description,
        g.personName ?? 'het hele gezin',
        g.targetScore ? String(g.targetScore) : '—',
        nlDate(g.targetDate),
      ]),
    );

  heading(2, 'Eigen doelen van het gezin');
  const own = v.goals.filter((g) => g.familyOwn);
  if (own.length === 0) para('Het gezin heeft in deze versie geen eigen doelen opgeschreven.');
  else {
    para('In de woorden van het gezin, niet herschreven.');
    const list = doc.struct('L');
    root.add(list);
    for (const g of own)
      list.add(
        doc.struct('LI', {}, () => {
          doc
            .fontSize(10)
            .text(`• “${g.description}” (${domain(g.domain)}${g.targetDate ? `, ${nlDate(g.targetDate)}` : ''})`, { paragraphGap: 2 });
        }),
      );
    list.end();
  }

  heading(2, 'Acties');
  if (v.actions.length === 0) para('Geen acties in deze versie.');
  else
    table(
      doc,
      root,
      ['Actie', 'Wie', 'Uiterlijk', 'Stand'],
      [215, 150, 70, 60],
      v.actions.map((a) => [
        a.description,
        a.owner.kind === 'organisation'
          ? [a.owner.organisationName, a.owner.userName].filter(Boolean).join(' — ')
          : a.owner.kind === 'family_member'
            ? `${a.owner.personName ?? ''} (gezin)`
            : `${a.owner.networkMemberName ?? ''} (netwerk)`,
        nlDate(a.dueOn),
        // The stand on the day it is printed (progress since the agreement, migration 0380).
        a.progress.status === 'not_done'
          ? `niet gedaan: ${a.progress.notDoneReason ?? ''}`
          : (STATUS[a.progress.status] ?? a.progress.status),
      ]),
    );

  heading(2, 'Veiligheidsplan');
  // The safety plan as it was proposed with this version (kept with it since migration 0365), never today's.
  if (d.safetyPlan === null)
    para('Bij deze versie is het veiligheidsplan niet bewaard (voorgelegd voordat Regie dat deed); zie het dossier.');
  else if (d.safetyPlan.length === 0) para('Er was geen veiligheidsplan vastgelegd toen deze versie werd voorgelegd.');
  else
    table(
      doc,
      root,
      ['Afspraak', 'Wie', 'Wanneer', 'Hoe gecontroleerd'],
      [190, 110, 75, 120],
      d.safetyPlan.map((s) => [s.what, s.who, s.when ? nlDate(s.when) : '—', s.check ?? '—']),
    );

  heading(2, 'Akkoord');
  table(
    doc,
    root,
    ['Partij', 'Gevraagd', 'Antwoord', 'Datum', 'Hoe'],
    [140, 120, 95, 70, 70],
    v.parties.map((p) => [
      p.name,
      REQUIREMENT[p.requirement] ?? p.requirement,
      p.answer
        ? `${ANSWER[p.answer.answer] ?? p.answer.answer}${p.answer.view ? `: “${p.answer.view}”` : ''}${p.answer.reason ? `: ${p.answer.reason}` : ''}`
        : '—',
      nlDate(p.answer?.answeredOn ?? null),
      p.answer?.via ? (VIA[p.answer.via] ?? p.answer.via) : '—',
    ]),
  );
  root.end();
  doc.end();
  return done;
}

/** A tagged table: Table > TR > TH | TD, each cell's text marked as its content; rows move to a next page whole. */
function table(doc: Doc, root: Struct, headers: string[], widths: number[], rows: string[][]) {
  const t = doc.struct('Table');
  root.add(t);
  const left = doc.page.margins.left;
  const pad = 3;
  const row = (cells: string[], header: boolean) => {
    doc.font(header ? 'bold' : 'body').fontSize(9);
    const h = Math.max(...cells.map((c, i) => doc.heightOfString(c || ' ', { width: (widths[i] ?? 80) - 2 * pad }))) + 2 * pad;
    if (doc.y + h > doc.page.height - doc.page.margins.bottom) doc.addPage();
    const y = doc.y;
    const tr = doc.struct('TR');
    t.add(tr);
    let x = left;
    cells.forEach((c, i) => {
      const w = widths[i] ?? 80;
      tr.add(
        doc.struct(header ? 'TH' : 'TD', {}, () => {
          doc.text(c || ' ', x + pad, y + pad, { width: w - 2 * pad });
        }),
      );
      x += w;
    });
    tr.end();
    // Rules between rows are decoration: an artifact, not content.
    doc.markContent('Artifact', { type: 'Layout' });
    doc
      .moveTo(left, y + h)
      .lineTo(x, y + h)
      .lineWidth(header ? 1 : 0.5)
      .strokeColor('#999999')
      .stroke();
    doc.endMarkedContent();
    doc.x = left;
    doc.y = y + h;
  };
  row(headers, true);
  for (const r of rows) row(r, false);
  t.end();
  doc.font('body').fontSize(10);
  doc.moveDown(0.8);
}
