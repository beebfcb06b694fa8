-- The payer registry: which reseller each payer account belongs to. An offboarding may be requested
-- only for a payer account registered to the caller's reseller (docs/api.md, "The payer registry").
--
-- An entry never changes once written, except that it is retired: a move retires the entry and adds
-- one for the new reseller. So an offboarding's reference to the entry it was checked against
-- (offboarding.payer_registry_entry_id) shows what was checked, whatever the registry says later.
-- Written the same for H2 and PostgreSQL: no partial index, no regular expression.
create table payer_account (
    id                 uuid          primary key,
    account_id         char(12)      not null,
    reseller_id        varchar(64)   not null,
    name               varchar(200)  not null,
    since              timestamp with time zone not null,
    source             varchar(20)   not null,
    created_by         varchar(64)   not null,
    retired_at         timestamp with time zone,
    retired_by         varchar(64),
    -- the account id while the entry is active, NULL once it is retired: its unique index makes
    -- "one active entry per payer account" a database guarantee (NULLs never collide)
    active_account_id  char(12),
    constraint ck_payer_account_id check (translate(account_id, '0123456789', '9999999999') = '999999999999'),
    constraint ck_payer_account_source check (source in ('admin', 'csv-import', 'seed')),
    constraint ck_payer_account_active check (
        (retired_at is null and retired_by is null and active_account_id = account_id)
        or (retired_at is not null and retired_by is not null and active_account_id is null))
);

create unique index ux_payer_account_active on payer_account (active_account_id);
create index ix_payer_account_reseller on payer_account (reseller_id, account_id);
create index ix_payer_account_account on payer_account (account_id, since);

-- Every change of the registry, with who made it and when; the audit trail reads it.
create table payer_account_change (
    id                    uuid          primary key,
    account_id            char(12)      not null,
    entry_id              uuid          not null references payer_account (id),
    kind                  varchar(20)   not null,
    reseller_id           varchar(64)   not null,
    previous_reseller_id  varchar(64),
    name                  varchar(200)  not null,
    source                varchar(20)   not null,
    changed_by            varchar(64)   not null,
    changed_at            timestamp with time zone not null,
    constraint ck_payer_account_change_kind check (kind in ('REGISTERED', 'MOVED', 'RETIRED'))
);

create index ix_payer_account_change_account on payer_account_change (account_id, changed_at);
create index ix_payer_account_change_at on payer_account_change (changed_at desc, id);

-- The registry entry each offboarding's request was checked against; NULL for offboardings
-- requested before the registry existed.
alter table offboarding add column payer_registry_entry_id uuid references payer_account (id);
