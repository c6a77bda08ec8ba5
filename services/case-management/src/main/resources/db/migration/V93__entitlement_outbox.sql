-- The analysts' entitlements as published on soc.entitlements.v1 (AnalystEntitlement, key = user
-- name): written in the transaction that writes or removes a profile, so that no change is lost,
-- and published by EntitlementRelay, oldest first; each start queues every profile again, so a new
-- or compacted topic heals itself. Not tenant-owned (no tenant_id): no row-level security.
create sequence entitlement_revision_seq;

create table entitlement_outbox (
    -- the published revision: increases with every change of any profile
    revision     bigint       primary key default nextval('entitlement_revision_seq'),
    username     varchar(255) not null,
    -- the profile was removed: a tombstone is published
    removed      boolean      not null,
    all_tenants  boolean      not null,
    tenants      text[]       not null default '{}',
    created_at   timestamptz  not null default now(),
    published_at timestamptz
);

create index entitlement_outbox_pending_idx on entitlement_outbox (revision) where published_at is null;
