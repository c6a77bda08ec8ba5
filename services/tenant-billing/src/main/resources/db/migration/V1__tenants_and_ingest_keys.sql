-- Tenants (customers of the MSSP) and the ingest keys of their log sources.
-- Tenant rows are upserted from tenant-config/tenants/<id>.yaml at startup.

create table tenants (
    id           text primary key
                 check (id ~ '^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$'),
    display_name text        not null,
    plan         text        not null,
    time_zone    text        not null,
    status       text        not null check (status in ('provisioning', 'active', 'suspended')),
    rule_packs   text[]      not null default '{}',
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now()
);

-- Only the SHA-256 (lower-case hex) of a key is stored; the secret is shown once at issue time.
create table ingest_keys (
    key_id        text primary key,
    tenant_id     text        not null references tenants (id),
    source_name   text        not null check (char_length(source_name) between 1 and 64),
    secret_sha256 text        not null unique check (secret_sha256 ~ '^[0-9a-f]{64}$'),
    created_at    timestamptz not null default now(),
    revoked_at    timestamptz
);

create index ingest_keys_tenant_id_idx on ingest_keys (tenant_id);
