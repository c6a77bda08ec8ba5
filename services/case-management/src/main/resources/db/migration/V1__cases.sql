-- Cases opened from alerts, and the alerts taken into each case.
-- Every row carries tenant_id; every query of the service filters on it.

create table cases (
    id                 uuid primary key,
    tenant_id          varchar(63) not null,
    title              text        not null,
    severity           varchar(16) not null
        check (severity in ('INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
    status             varchar(16) not null
        check (status in ('OPEN', 'ACKNOWLEDGED', 'RESOLVED')),
    rule_id            text        not null,
    rule_title         text        not null,
    rule_author        text        not null,
    rule_reference_url text,
    rule_license       text,
    summary            text        not null,
    dedup_key          text,
    alert_count        integer     not null check (alert_count >= 1),
    created_at         timestamptz not null,
    updated_at         timestamptz not null
);

-- Listing newest first, per tenant and across tenants (MSSP view).
create index cases_tenant_created_idx on cases (tenant_id, created_at desc, id desc);
create index cases_created_idx on cases (created_at desc, id desc);

-- At most one unresolved case per tenant and dedup key: two replicas taking in repeated
-- detections at the same time cannot open two cases; the loser retries and attaches.
create unique index cases_unresolved_dedup_key_uq on cases (tenant_id, dedup_key)
    where status <> 'RESOLVED' and dedup_key is not null;

create table case_alerts (
    -- The alert id is the idempotence key: a redelivered alert cannot be recorded twice.
    alert_id         text primary key,
    case_id          uuid        not null references cases (id),
    tenant_id        varchar(63) not null,
    event_ingest_ids text[]      not null default '{}',
    level            varchar(16) not null,
    detected_at      timestamptz not null
);

create index case_alerts_case_idx on case_alerts (tenant_id, case_id, detected_at);
