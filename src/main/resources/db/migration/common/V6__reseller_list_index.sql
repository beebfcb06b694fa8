-- The reseller's list (GET /api/offboardings?status=, newest first) filters by reseller and status
-- and counts the matches for the page's total. V1's index on (reseller_id, created_at) reads every
-- offboarding of the reseller and discards those of other statuses; this one serves the filter, the
-- order and the count (an index-only scan) at once. docs/performance.md has the figures.
create index ix_offboarding_reseller_status_created on offboarding (reseller_id, status, created_at desc, id);
