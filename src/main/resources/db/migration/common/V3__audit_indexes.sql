-- The audit search (GET /api/audit/offboardings and its CSV export) filters and sorts the
-- offboarding table by any of these columns; with tens of thousands of rows each filter needs an
-- index that also serves the default order (newest first). Status and reseller already have one (V1).
create index ix_offboarding_created on offboarding (created_at desc, id);
create index ix_offboarding_ended on offboarding (ended_at desc, id);
create index ix_offboarding_payer_created on offboarding (payer_account_id, created_at desc);
create index ix_offboarding_stage_created on offboarding (stage, created_at desc);
