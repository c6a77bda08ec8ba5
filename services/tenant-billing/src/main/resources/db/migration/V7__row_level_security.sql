-- Row-level security: the second wall between tenants, below the service's own "where tenant_id".
--
-- The service connects as ${app_role}, a role that owns nothing and may only read and write rows;
-- Flyway migrates as the owner. Every transaction of the service first sets app.tenant_scope
-- (services/tenant-scope: set_config('app.tenant_scope', ..., true)) to a comma-separated list of
-- tenant ids, or '*' for the audited system scope of background jobs. The policies below read it:
-- a query without a tenant predicate sees (and may write) only the scope's rows, and a transaction
-- without scope sees none. FORCE makes the policies hold for the owner too, so a later data
-- migration must set the scope itself (set local app.tenant_scope = '*').
--
-- Not tenant-owned, so without policy:
--   onboarding_requests  keyed by (caller, Idempotency-Key), looked up before its tenant exists, to
--                        answer a retried or reused key across tenants; only sales/mssp-admin reach it
--   flyway_schema_history  the owner's
-- The tenants table is tenant-owned: its key "id" is the tenant id, and its policy reads that.

-- The role is normally made by whoever makes the database (local-stack, the cluster's operator),
-- with its password; made here without login when missing, so that the grants always apply.
do $$
begin
    if not exists (select 1 from pg_roles where rolname = '${app_role}') then
        create role "${app_role}" nologin;
    end if;
end
$$;

grant usage on schema public to "${app_role}";

-- data only: no DDL, no TRUNCATE, no ownership
grant select, insert, update, delete on
    tenants, ingest_keys, usage_records, invoices, invoice_lines, sla_breaches, billing_terms,
    tenant_exports, provisionings, provisioning_steps, onboarding_requests, onetime_credentials
    to "${app_role}";
-- append-only, by privilege as well as by its triggers
grant select, insert on audit_log to "${app_role}";
grant usage on sequence audit_log_id_seq to "${app_role}";

alter table tenants enable row level security;
alter table tenants force row level security;
create policy tenant_scope on tenants
    using (id = any (string_to_array(current_setting('app.tenant_scope', true), ','))
           or current_setting('app.tenant_scope', true) = '*');

do $$
declare
    owned text;
begin
    foreach owned in array array['ingest_keys', 'usage_records', 'invoices', 'invoice_lines', 'sla_breaches',
                                 'billing_terms', 'tenant_exports', 'provisionings', 'provisioning_steps',
                                 'onetime_credentials', 'audit_log']
    loop
        execute format('alter table %I enable row level security', owned);
        execute format('alter table %I force row level security', owned);
        execute format($policy$
            create policy tenant_scope on %I
                using (tenant_id = any (string_to_array(current_setting('app.tenant_scope', true), ','))
                       or current_setting('app.tenant_scope', true) = '*')
            $policy$, owned);
    end loop;
end
$$;
