-- Syslog sources of the tenants managed through the API (PUT /api/v1/tenants/{id}/syslog-sources/{name}).
-- A file tenant's sources stay in its file (tenants.settings); tenant-billing publishes both in the
-- tenant facts. No port is held by two sources: the unique index is the last wall when two API calls
-- race (the service checks every claim, certificates included, before it writes).
create table syslog_sources (
    tenant_id           text        not null references tenants (id),
    name                text        not null,
    -- a listener port of its own (TCP and UDP), or null
    port                integer     check (port between 1 and 65535),
    -- {"bindings": [{"sha256_fingerprint": "<64 hex>", "subject_dn": "CN=..."}]}, either member may be ""
    -- (an object: Hibernate Reactive binds JSON objects, not arrays)
    client_certificates jsonb       not null default '{"bindings": []}',
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    primary key (tenant_id, name)
);

create unique index syslog_sources_port on syslog_sources (port) where port is not null;

grant select, insert, update, delete on syslog_sources to "${app_role}";

alter table syslog_sources enable row level security;
alter table syslog_sources force row level security;
create policy tenant_scope on syslog_sources
    using (tenant_id = any (string_to_array(current_setting('app.tenant_scope', true), ','))
           or current_setting('app.tenant_scope', true) = '*');
