-- The platform's one audit trail: audit_log now holds every service's mutating actions, taken in from
-- soc.audit.v1 (services/audit-trail), not only tenant-billing's own calls. Each entry keeps its id
-- (deterministic, so a redelivered record is stored once), the service, the caller's roles, the
-- target, the object before and after (JSON text; secrets are never put in) and the trace id.
-- Still append-only (the V6_1 triggers, and V7 grants the application role select and insert only)
-- and still tenant-owned under the V7 policy: entries of no tenant are seen in the system scope only.
-- Existing rows get a random id and are marked as tenant-billing's.

alter table audit_log
    add column entry_id     uuid not null default gen_random_uuid(),
    add column service      text not null default 'tenant-billing',
    add column actor_roles  text[] not null default '{}',
    add column target       text not null default '',
    add column before_json  text,
    add column after_json   text,
    add column trace_id     text not null default '';

alter table audit_log alter column entry_id drop default;
alter table audit_log alter column service drop default;

create unique index audit_log_entry_id_idx on audit_log (entry_id);
create index audit_log_service_at_idx on audit_log (service, at);
create index audit_log_actor_at_idx on audit_log (actor, at);
