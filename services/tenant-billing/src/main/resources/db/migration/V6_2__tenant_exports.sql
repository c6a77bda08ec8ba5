-- The archive made when a tenant is offboarded (tenant record, ingest key metadata, cases), kept
-- after the tenant is purged so that it can still be downloaded. No foreign key: it outlives the
-- tenant row on purpose.
create table tenant_exports (
    tenant_id  text primary key,
    created_at timestamptz not null,
    sha256     text        not null,
    archive    bytea       not null
);
