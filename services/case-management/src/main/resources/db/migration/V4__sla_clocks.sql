-- Durable SLA clocks: when each case must be looked at next (a ladder step or a deadline is due),
-- and which escalation steps and breaches were carried out, each exactly once (primary key),
-- whatever the number of replicas and restarts.
create table case_sla (
    case_id              uuid        primary key references cases (id),
    tenant_id            varchar(63) not null,
    -- null: nothing is due until the case changes (paused, stopped, or no policy)
    next_check_at        timestamptz,
    acknowledge_deadline timestamptz,
    resolve_deadline     timestamptz,
    updated_at           timestamptz not null
);
create index case_sla_due_idx on case_sla (next_check_at) where next_check_at is not null;
create index case_sla_tenant_resolve_idx on case_sla (tenant_id, resolve_deadline);

create table case_sla_actions (
    case_id    uuid        not null references cases (id),
    tenant_id  varchar(63) not null,
    -- 'step:<clock>:<percent>:<action>' or 'breach:<clock>'
    action_key text        not null,
    done_at    timestamptz not null,
    primary key (case_id, action_key)
);

-- cases that existed before: looked at once now
insert into case_sla (case_id, tenant_id, next_check_at, updated_at)
select id, tenant_id, now(), now() from cases where status not in ('CLOSED', 'MERGED');
