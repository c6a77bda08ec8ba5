-- Row-level security: the second wall between tenants, below the service's own "where tenant_id".
--
-- The service connects as ${app_role}, a role that owns nothing and may only read and write rows;
-- Flyway migrates as the owner. Every transaction of the service first sets app.tenant_scope
-- (services/tenant-scope: set_config('app.tenant_scope', ..., true)) to a comma-separated list of
-- tenant ids (one tenant, or an analyst's entitled tenants), or '*' for the audited system scope of
-- background jobs (intake's assignment, SLA escalation, outbox relay, notification delivery). The
-- policies read it: a query without a tenant predicate sees (and may write) only the scope's rows,
-- and a transaction without scope sees none. FORCE makes the policies hold for the owner too, so a
-- later data migration must set the scope itself (set local app.tenant_scope = '*').
--
-- Every table with a tenant_id made before this migration gets the policy. Not tenant-owned:
--   analyst_profiles       the MSSP's analysts, each entitled to several tenants (or all)
--   flyway_schema_history  the owner's

do $$
begin
    if not exists (select 1 from pg_roles where rolname = '${app_role}') then
        create role "${app_role}" nologin;
    end if;
end
$$;

grant usage on schema public to "${app_role}";
-- data only: no DDL, no TRUNCATE, no ownership; tables made by later migrations too
grant select, insert, update, delete on all tables in schema public to "${app_role}";
grant usage, select on all sequences in schema public to "${app_role}";
alter default privileges in schema public grant select, insert, update, delete on tables to "${app_role}";
alter default privileges in schema public grant usage, select on sequences to "${app_role}";
revoke all on flyway_schema_history from "${app_role}";

do $$
declare
    owned text;
begin
    for owned in
        select c.relname
        from pg_class c
        join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
        where c.relkind in ('r', 'p')
          and exists (select 1 from pg_attribute a
                      where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped)
        order by c.relname
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
