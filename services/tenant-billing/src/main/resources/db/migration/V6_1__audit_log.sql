-- Append-only audit log of every mutating API call (onboarding, provisioning retries, lifecycle,
-- ingest keys): who, when, what, which tenant, which request, with what outcome.

create table audit_log (
    id          bigserial primary key,
    at          timestamptz not null,
    -- token subject, user name and the client the token was issued to ('anonymous' without a token)
    actor       text        not null,
    subject     text        not null,
    client_id   text        not null,
    -- e.g. 'POST /api/v1/tenants/{tenantId}:suspend'
    action      text        not null,
    tenant_id   text,
    request_id  text        not null,
    -- the HTTP status answered, and 'succeeded' (2xx), 'refused' (4xx) or 'failed' (5xx)
    status      int         not null,
    outcome     text        not null check (outcome in ('succeeded', 'refused', 'failed'))
);

create index audit_log_tenant_at_idx on audit_log (tenant_id, at);
create index audit_log_at_idx on audit_log (at);

-- Append-only: rows can be added and read, never changed or removed (not even by the owner role the
-- service connects as, short of dropping this trigger in a migration, which review would see).
create function audit_log_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log is append-only: % is not allowed', tg_op;
end;
$$;

create trigger audit_log_no_update_or_delete
    before update or delete on audit_log
    for each row execute function audit_log_is_append_only();

create trigger audit_log_no_truncate
    before truncate on audit_log
    for each statement execute function audit_log_is_append_only();
