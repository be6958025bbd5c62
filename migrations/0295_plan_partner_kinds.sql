-- Two partner kinds the plan's blind spots ask for (issue "One plan"): the youth-protection team
-- (jeugdbeschermingstafel, JOT) and youth health care (jeugdgezondheidszorg, JGZ).
ALTER TABLE organisations DROP CONSTRAINT organisations_type_check;
ALTER TABLE organisations ADD CONSTRAINT organisations_type_check CHECK (type IN ('municipal_team','veilig_thuis','gp_practice',
  'school','housing_corporation','mental_health','youth_care','probation','police','child_protection_board','certified_institution',
  'safety_house','youth_protection_team','youth_health_care'));
