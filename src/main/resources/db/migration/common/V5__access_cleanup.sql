-- The automated removal of the distributor's access (V3/V4 are the audit indexes).
-- One row per offboarding: the ExternalId its cleanup role must require, the plan and the
-- verification (JSON), the outcome, and a human attestation when the removal was done by hand.
create table access_cleanup (
    offboarding_id     uuid            primary key references offboarding (id),
    external_id        varchar(64)     not null,
    status             varchar(20)     not null,
    plan               varchar(1000000),
    verification       varchar(1000000),
    failure            varchar(4000),
    iam_calls          integer         not null default 0,
    iam_attempts       integer         not null default 0,
    attested_by        varchar(64),
    attested_at        timestamp with time zone,
    attestation_notes  varchar(2000),
    started_at         timestamp with time zone,
    finished_at        timestamp with time zone,
    created_at         timestamp with time zone not null,
    updated_at         timestamp with time zone not null,
    constraint uq_access_cleanup_external_id unique (external_id),
    constraint ck_access_cleanup_status check (status in
        ('AWAITING', 'PLANNED', 'REMOVED', 'BLOCKED', 'REMAINING', 'UNVERIFIABLE', 'VERIFIED', 'ATTESTED'))
);

-- Every IAM call that changed (or tried to change) the payer account, written as it happens in its
-- own transaction, so even the calls of an attempt that failed afterwards stay on record.
create table access_cleanup_call (
    id              uuid           primary key,
    offboarding_id  uuid           not null references offboarding (id),
    entity          varchar(300)   not null,
    action          varchar(60)    not null,
    subject         varchar(1000)  not null,
    outcome         varchar(20)    not null,
    error_code      varchar(100),
    request_id      varchar(100),
    called_at       timestamp with time zone not null,
    constraint ck_access_cleanup_call_outcome check (outcome in ('DONE', 'ALREADY_GONE', 'FAILED'))
);

create index ix_access_cleanup_call_offboarding on access_cleanup_call (offboarding_id, called_at);
