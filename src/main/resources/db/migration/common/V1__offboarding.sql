-- The application's own records; Camunda owns and creates its ACT_* tables itself.
-- What differs between H2 and PostgreSQL (partial unique indexes, binary content) is in
-- db/migration/{h2,postgresql}/V2.

create table offboarding (
    id                      uuid          primary key,
    reseller_id             varchar(64)   not null,
    payer_account_id        char(12)      not null,
    status                  varchar(20)   not null,
    stage                   varchar(30)   not null,
    reason                  varchar(2000) not null,
    contact_email           varchar(254)  not null,
    new_party_name          varchar(200)  not null,
    new_party_email         varchar(254)  not null,
    new_party_kind          varchar(20)   not null,
    requested_by            varchar(64)   not null,
    reseller_action         varchar(30),
    reseller_action_detail  varchar(2000),
    status_reason           varchar(2000),
    process_instance_id     varchar(64),
    idempotency_key         varchar(255),
    request_fingerprint     char(64),
    created_at              timestamp with time zone not null,
    updated_at              timestamp with time zone not null,
    ended_at                timestamp with time zone,
    constraint ck_offboarding_status check (status in ('IN_PROGRESS', 'COMPLETED', 'REJECTED', 'WITHDRAWN', 'EXPIRED'))
);

create unique index ux_offboarding_idempotency_key on offboarding (reseller_id, idempotency_key);
create index ix_offboarding_reseller_created on offboarding (reseller_id, created_at desc);
create index ix_offboarding_status_created on offboarding (status, created_at desc);

-- Each document is stored once, with its SHA-256, size and content type (content: see V2).
create table document (
    id              uuid          primary key,
    offboarding_id  uuid          not null references offboarding (id),
    kind            varchar(20)   not null,
    file_name       varchar(255)  not null,
    content_type    varchar(100)  not null,
    size_bytes      bigint        not null,
    sha256          char(64)      not null,
    created_at      timestamp with time zone not null,
    created_by      varchar(64)   not null,
    constraint ck_document_kind check (kind in ('CTA_ISSUED', 'CTA_SIGNED'))
);

create index ix_document_offboarding on document (offboarding_id, kind, created_at);

create table sent_mail (
    id              uuid          primary key,
    offboarding_id  uuid          not null references offboarding (id),
    notification    varchar(40)   not null,
    recipients      varchar(2000) not null,
    subject         varchar(500)  not null,
    message_id      varchar(255)  not null,
    sent_at         timestamp with time zone not null
);

create index ix_sent_mail_offboarding on sent_mail (offboarding_id, sent_at);
