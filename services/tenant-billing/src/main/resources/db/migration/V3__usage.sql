-- Usage as metered by ingestion (soc.usage.v1): one row per instance, tenant and minute. The
-- usage id (<instance>:<tenant>:<minute_start_ms>) is the key, so a record delivered again is
-- stored once and never counted twice. Daily totals are summed per day of the tenant's time zone
-- when asked for, so a change of time zone needs no migration of stored usage.

create table usage_records (
    usage_id             text primary key,
    -- no foreign key: usage of a tenant that is purged later stays with its invoices
    tenant_id            text        not null,
    instance             text        not null,
    minute_start         timestamptz not null,
    events_accepted      bigint      not null check (events_accepted >= 0),
    raw_bytes            bigint      not null check (raw_bytes >= 0),
    events_refused_quota bigint      not null check (events_refused_quota >= 0),
    recorded_at          timestamptz not null default now()
);

create index usage_records_tenant_minute_idx on usage_records (tenant_id, minute_start);
