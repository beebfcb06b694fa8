-- One active offboarding per payer account is a database guarantee, not a check-then-act race.
create unique index ux_offboarding_active_payer on offboarding (payer_account_id) where status = 'IN_PROGRESS';
alter table offboarding add constraint ck_offboarding_payer check (payer_account_id ~ '^[0-9]{12}$');

-- The CTA is issued once per offboarding, whatever a retried job does.
create unique index ux_document_issued_cta on document (offboarding_id) where kind = 'CTA_ISSUED';
alter table document add column content bytea not null;
