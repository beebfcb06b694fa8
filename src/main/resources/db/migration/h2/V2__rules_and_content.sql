-- H2 has no partial indexes: each rule indexes a generated column that is NULL outside the rule's
-- scope (NULLs never collide in a unique index).

-- One active offboarding per payer account is a database guarantee, not a check-then-act race.
alter table offboarding add column active_payer_account_id char(12)
    generated always as (case when status = 'IN_PROGRESS' then payer_account_id end);
create unique index ux_offboarding_active_payer on offboarding (active_payer_account_id);
alter table offboarding add constraint ck_offboarding_payer check (regexp_like(payer_account_id, '^[0-9]{12}$'));

-- The CTA is issued once per offboarding, whatever a retried job does.
alter table document add column issued_cta_of uuid
    generated always as (case when kind = 'CTA_ISSUED' then offboarding_id end);
create unique index ux_document_issued_cta on document (issued_cta_of);
alter table document add column content blob not null;
