-- Timeline events store a kind and its parameters, never a sentence: the web app renders them
-- in the reader's language (src/shared/events). `type` stays the coarse category that
-- indicators and row-level security use; `kind` names the sentence (several kinds per type),
-- `params` holds what it needs. Existing rows are migrated: each known Dutch sentence becomes
-- its kind with the parameters read back from it (and from `data`); a sentence that matches no
-- pattern becomes `legacy_text` with the sentence as its one parameter. The sentence leaves
-- `data`, which keeps the machine facts (ids, codes).
ALTER TABLE timeline_events ADD COLUMN kind text, ADD COLUMN params jsonb NOT NULL DEFAULT '{}';
COMMENT ON COLUMN timeline_events.kind IS 'What happened, as the key of a sentence in src/shared/events/messages.ts (e.g. case_opened_after_triage).';
COMMENT ON COLUMN timeline_events.params IS 'The parameters of the kind''s sentence (names of professionals and family members, references, codes, dates): personal data.';

-- The events are append-only; only this migration rewrites them, once.
ALTER TABLE timeline_events DISABLE TRIGGER timeline_append_only;
ALTER TABLE timeline_events NO FORCE ROW LEVEL SECURITY;

CREATE FUNCTION pg_temp.structure_event(s text, t text, d jsonb) RETURNS jsonb LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE m text[];
BEGIN
  IF s IS NULL THEN RETURN NULL; END IF;
  m := regexp_match(s, '^(.+) geregistreerd met (\d+) gezinsleden na triage van melding (\S+)$');
  IF m IS NOT NULL THEN RETURN jsonb_build_object('kind', 'family_registered_after_triage', 'params', jsonb_build_object('name', m[1], 'count', m[2]::int, 'reference', m[3])); END IF;
  m := regexp_match(s, '^(.+) geregistreerd met (\d+) gezinsle(?:de|den)\.?$');
  IF m IS NOT NULL THEN RETURN jsonb_build_object('kind', 'family_registered', 'params', jsonb_build_object('name', m[1], 'count', m[2]::int)); END IF;
  m := regexp_match(s, '^(.+) geregistreerd na overdracht van (.+)$');
  IF m IS NOT NULL THEN RETURN jsonb_build_object('kind', 'family_registered_after_handover', 'params', jsonb_build_object('name', m[1], 'from', jsonb_build_object('name', m[2]))); END IF;
  m := regexp_match(s, '^Gezinslid toegevoegd: (.+)$');
  IF m IS NOT NULL THEN RETURN jsonb_build_object('kind', 'member_added', 'params', jsonb_build_object('givenNames', m[1])); END IF;
  m := regexp_match(s, '^Netwerklid toegevoegd \((.+)\)$');
  IF m IS NOT NULL THEN RETURN jsonb_build_object('kind', 'network_member_added', 'params', jsonb_build_object('relation', m[1])); END IF;
  IF s = 'Dossier geopend' THEN RETURN jsonb_build_object('kind', 'case_opened', 'params', '{}'::jsonb); END IF;
  IF s = 'Dossier geopend na overdracht van een melding' THEN RETURN jsonb_build_object('kind', 'case_opened_after_signal_handover', 'params', '{}'::jsonb); END IF;
  m := regexp_match(s, '^Dossier geopend na triage van melding (\S+)$');
  IF m IS NOT NULL THEN RETURN jsonb_build_object('kind', 'case_opened_after_triage', 'params', jsonb_build_object('reference', m[1])); END IF;
  m := regexp_match(s, '^Dossier geopend na overdracht van (.+)$');
  IF m IS NOT NULL THEN RETURN jsonb_build_object('kind', 'case_opened_after_handover', 'params', jsonb_build_object('from', jsonb_build_object('name', m[1]))); END IF;
  m := regexp_match(s, '^Regisseur toegewezen: (.+)$');
  IF m IS NOT NULL THEN RETURN jsonb_build_object('kind', 'coordinator_assigned', 'params', jsonb_build_object('coordinator', m[1])); END IF;
  m := regexp_match(s, '^Fase gewijzigd: \S+ → afgesloten \((.*)\)$');
  IF m IS NOT NULL AND d ? 'from' THEN RETURN jsonb_build_object('kind', 'case_closed', 'params', jsonb_build_object('fromPhase', d->>'from', 'reason', m[1])); END IF;
  IF s ~ '^Fase gewijzigd: ' AND d ? 'from' AND d ? 'to' THEN
    RETURN jsonb_build_object('kind', 'case_status_changed', 'params', jsonb_build_object('fromPhase', d->>'from', 'toPhase', d->>'to'));
  END IF;
  m := regexp_match(s, '^(.+) toegevoegd aan het casusteam na triage van melding (\S+)$');
  IF m IS NOT NULL THEN RETURN jsonb_build_object('kind', 'team_member_added_after_triage', 'params', jsonb_build_object('name', m[1], 'reference', m[2])); END IF;
  m := regexp_match(s, '^(.+) toegevoegd aan het casusteam vanaf .+$');
  IF m IS NOT NULL AND d ? 'startsOn' THEN RETURN jsonb_build_object('kind', 'team_member_added', 'params', jsonb_build_object('name', m[1], 'startsOn', d->>'startsOn')); END IF;
  m := regexp_match(s, '^(.+) toegevoegd aan het casusteam$');
  IF m IS NOT NULL THEN RETURN jsonb_build_object('kind', 'team_member_added', 'params', jsonb_build_object('name', m[1])); END IF;
  m := regexp_match(s, '^Grondslag van (.+): .+ → .+$');
  IF m IS NOT NULL AND d ? 'from' AND d ? 'to' THEN
    RETURN jsonb_build_object('kind', 'team_member_basis_changed', 'params', jsonb_build_object('name', m[1], 'fromBasis', d->>'from', 'toBasis', d->>'to'));
  END IF;
  m := regexp_match(s, '^(.+) uit het casusteam \((.*)\)$');
  IF m IS NOT NULL THEN RETURN jsonb_build_object('kind', 'team_member_ended', 'params', jsonb_build_object('name', m[1], 'reason', m[2])); END IF;
  m := regexp_match(s, '^Regie overgedragen aan (.+?)(?: \((.*)\))?$');
  IF m IS NOT NULL AND t = 'coordinator_transferred' THEN
    RETURN jsonb_build_object('kind', 'coordinator_transferred', 'params', jsonb_strip_nulls(jsonb_build_object('name', m[1], 'reason', m[2])));
  END IF;
  m := regexp_match(s, '^Noodtoegang gebruikt voor (\d+) minuten, tot .+$');
  IF m IS NOT NULL AND d ? 'expiresAt' THEN RETURN jsonb_build_object('kind', 'break_glass_opened', 'params', jsonb_build_object('minutes', m[1]::int, 'until', d->>'expiresAt')); END IF;
  m := regexp_match(s, '^Gegevens van (.+) bijgewerkt$');
  IF m IS NOT NULL THEN RETURN jsonb_build_object('kind', 'person_updated', 'params', jsonb_build_object('givenNames', m[1])); END IF;
  m := regexp_match(s, '^Dubbele registratie van (.+) samengevoegd$');
  IF m IS NOT NULL THEN RETURN jsonb_build_object('kind', 'person_merged', 'params', jsonb_build_object('givenNames', m[1])); END IF;
  IF s = 'Samenvoeging van registraties ongedaan gemaakt' THEN RETURN jsonb_build_object('kind', 'person_merge_undone', 'params', '{}'::jsonb); END IF;
  m := regexp_match(s, '^Melding (\S+) ontvangen en gekoppeld aan het dossier$');
  IF m IS NOT NULL THEN RETURN jsonb_build_object('kind', 'signal_received_linked', 'params', jsonb_build_object('reference', m[1])); END IF;
  m := regexp_match(s, '^Melding (\S+) ontvangen$');
  IF m IS NOT NULL THEN RETURN jsonb_build_object('kind', 'signal_received', 'params', jsonb_build_object('reference', m[1])); END IF;
  m := regexp_match(s, '^Melding (\S+) gekoppeld aan het dossier \(zelfde adres, bevestigd bij triage\)$');
  IF m IS NOT NULL THEN RETURN jsonb_build_object('kind', 'signal_linked_by_address', 'params', jsonb_build_object('reference', m[1])); END IF;
  m := regexp_match(s, '^Melding (\S+) gekoppeld aan het dossier \(zelfde gezin als melding (\S+)\)$');
  IF m IS NOT NULL THEN RETURN jsonb_build_object('kind', 'signal_linked_same_family', 'params', jsonb_build_object('reference', m[1], 'via', m[2])); END IF;
  m := regexp_match(s, '^Melding (\S+) gekoppeld aan het dossier$');
  IF m IS NOT NULL THEN RETURN jsonb_build_object('kind', 'signal_linked', 'params', jsonb_build_object('reference', m[1])); END IF;
  m := regexp_match(s, '^Melding (\S+) getrieerd: .+$');
  IF m IS NOT NULL AND d ? 'decision' THEN RETURN jsonb_build_object('kind', 'signal_triaged', 'params', jsonb_build_object('reference', m[1], 'decision', d->>'decision')); END IF;
  m := regexp_match(s, '^Overdracht aan (.+) verstuurd; antwoord uiterlijk (\d{4}-\d{2}-\d{2})$');
  IF m IS NOT NULL THEN RETURN jsonb_build_object('kind', 'handover_sent', 'params', jsonb_build_object('to', jsonb_build_object('name', m[1]), 'dueOn', m[2])); END IF;
  m := regexp_match(s, '^Overdracht aanvaard door (.+); toegang van de afzender beëindigd$');
  IF m IS NOT NULL THEN RETURN jsonb_build_object('kind', 'handover_accepted_elsewhere', 'params', jsonb_build_object('by', jsonb_build_object('name', m[1]), 'senderAccess', 'ends')); END IF;
  m := regexp_match(s, '^Overdracht aanvaard door (.+); afzender blijft betrokken$');
  IF m IS NOT NULL THEN RETURN jsonb_build_object('kind', 'handover_accepted_elsewhere', 'params', jsonb_build_object('by', jsonb_build_object('name', m[1]), 'senderAccess', 'continues')); END IF;
  m := regexp_match(s, '^Overdracht aanvaard door (.+); regisseur: (.+)$');
  IF m IS NOT NULL THEN RETURN jsonb_build_object('kind', 'handover_accepted', 'params', jsonb_build_object('by', jsonb_build_object('name', m[1]), 'coordinator', m[2])); END IF;
  m := regexp_match(s, '^Overdracht van (.+) aanvaard; regisseur: (.+)$');
  IF m IS NOT NULL THEN RETURN jsonb_build_object('kind', 'handover_accepted_from', 'params', jsonb_build_object('from', jsonb_build_object('name', m[1]), 'coordinator', m[2])); END IF;
  m := regexp_match(s, '^Overdracht geweigerd door (.+?): (.*)$');
  IF m IS NOT NULL THEN RETURN jsonb_build_object('kind', 'handover_refused', 'params', jsonb_build_object('by', jsonb_build_object('name', m[1]), 'reason', m[2])); END IF;
  RETURN NULL;
END $$;

UPDATE timeline_events e
   SET kind = coalesce(x.structured->>'kind',
                       -- the demo's day-to-day work is free text written as content: a note
                       CASE WHEN e.type IN ('note_added', 'meeting_held', 'action_completed', 'assessment_recorded', 'document_added', 'escalation_raised',
                                            'follow_up_check', 'goal_progress', 'home_visit', 'phone_contact', 'plan_updated', 'referral_made', 'signal_received')
                            THEN 'note' ELSE 'legacy_text' END),
       params = coalesce(x.structured->'params', jsonb_build_object('text', coalesce(e.data->>'summary', e.type))),
       data = e.data - 'summary'
  FROM (SELECT region_id, id, pg_temp.structure_event(data->>'summary', type, data) AS structured FROM timeline_events) x
 WHERE x.region_id = e.region_id AND x.id = e.id;

ALTER TABLE timeline_events ALTER COLUMN kind SET NOT NULL;
ALTER TABLE timeline_events ADD CONSTRAINT timeline_events_params_object CHECK (jsonb_typeof(params) = 'object');
ALTER TABLE timeline_events FORCE ROW LEVEL SECURITY;
ALTER TABLE timeline_events ENABLE TRIGGER timeline_append_only;
DROP FUNCTION pg_temp.structure_event(text, text, jsonb);
