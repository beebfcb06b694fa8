-- The removal plan's rounds (docs/access-removal.md, "Plan, approve, remove, verify"): each plan is
-- stored as the canonical JSON text a person was shown, with the SHA-256 of exactly those bytes,
-- and what became of it. access_cleanup.plan and plan_round hold the current round.
create table access_cleanup_plan (
    offboarding_id    uuid            not null references offboarding (id),
    round             integer         not null,
    plan              varchar(1000000) not null,
    sha256            varchar(64)     not null,
    planned_at        timestamp with time zone not null,
    decision          varchar(20)     not null,
    decided_by        varchar(64),
    decided_at        timestamp with time zone,
    reason            varchar(4000),
    constraint pk_access_cleanup_plan primary key (offboarding_id, round),
    constraint ck_access_cleanup_plan_decision check (decision in
        ('PROPOSED', 'APPROVED', 'REJECTED', 'SUPERSEDED'))
);

alter table access_cleanup add column plan_round integer;

alter table access_cleanup drop constraint ck_access_cleanup_status;
alter table access_cleanup add constraint ck_access_cleanup_status check (status in
    ('AWAITING', 'PLANNED', 'APPROVED', 'REJECTED', 'REMOVED', 'BLOCKED', 'REMAINING', 'UNVERIFIABLE',
     'VERIFIED', 'ATTESTED'));

-- what else a call leaves as evidence: a deleted stack's events, a bucket policy before and after
alter table access_cleanup_call add column detail varchar(100000);
