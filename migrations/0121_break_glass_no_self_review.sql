-- Separation of duties: a break-the-glass grant is never reviewed by the professional who used
-- it (an account holding both the privacy-officer role and a professional role could otherwise
-- judge its own emergency access "justified"). reviewBreakGlass refuses it first; this policy
-- refuses it again inside PostgreSQL.
CREATE POLICY break_glass_no_self_review ON break_glass AS RESTRICTIVE FOR UPDATE
  USING (user_id IS DISTINCT FROM regie.actor_user());
