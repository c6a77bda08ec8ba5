-- Tenants as the one published fact (soc.tenants.v1): where each tenant is managed, its full
-- validated configuration, a revision that grows with every change, and the lifecycle dates that
-- billing prorates by.

alter table tenants drop constraint tenants_status_check;
alter table tenants add constraint tenants_status_check
    check (status in ('provisioning', 'active', 'suspended', 'failed', 'offboarding'));

-- 'file': tenant-config/tenants/<id>.yaml owns the configuration; 'api': the onboarding API does.
alter table tenants add column source text not null default 'file' check (source in ('file', 'api'));

-- Who set the status last. A status set through the API (suspend, resume, ...) is operational
-- state: the file sync never overrides it.
alter table tenants add column status_source text not null default 'file'
    check (status_source in ('file', 'api'));

-- The rest of the validated configuration (contacts, rule pack overrides, notification endpoints,
-- placeholders, holidays), as JSON written and read only by this service.
alter table tenants add column settings jsonb not null default '{}'::jsonb;

-- Grows by one with every change of the tenant (configuration, status, ingest keys); published
-- as TenantConfig.revision so that every reader keeps the newest.
alter table tenants add column revision bigint not null default 1;

-- First time the tenant became active, and when it was offboarded: the days billed.
alter table tenants add column activated_at timestamptz;
alter table tenants add column offboarded_at timestamptz;
update tenants set activated_at = created_at where status in ('active', 'suspended');
