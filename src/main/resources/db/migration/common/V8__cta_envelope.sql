-- The e-signature envelope of an offboarding's CTA (docs/esignature.md): one per offboarding, so a
-- retried job never sends a second one. The evidence is the provider's API's word on the envelope
-- and its signers (JSON of cta/EnvelopeEvidence); the signed document is in "document".
create table cta_envelope (
    offboarding_id      uuid            primary key references offboarding (id),
    provider            varchar(32)     not null,
    envelope_id         varchar(64)     not null,
    status              varchar(20)     not null,
    status_reason       varchar(2000),
    signed_document_id  uuid            references document (id),
    evidence            varchar(100000),
    created_at          timestamp with time zone not null,
    updated_at          timestamp with time zone not null,
    constraint uq_cta_envelope_envelope unique (provider, envelope_id),
    constraint ck_cta_envelope_status check (status in ('SENT', 'COMPLETED', 'DECLINED', 'VOIDED'))
);
