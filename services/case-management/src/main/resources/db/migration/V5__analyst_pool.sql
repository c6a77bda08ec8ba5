-- The MSSP's analysts as case-management knows them: tier, entitled tenants, skills, capacity and
-- rota. Managed over REST by SOC managers; the user itself lives in Keycloak.
create table analyst_profiles (
    username             varchar(255) primary key,
    display_name         text         not null,
    email                text         not null default '',
    tier                 varchar(2)   not null check (tier in ('L1', 'L2', 'L3')),
    all_tenants          boolean      not null,
    tenants              text[]       not null default '{}',
    skills               text[]       not null default '{}',
    max_concurrent_cases integer      not null check (max_concurrent_cases between 1 and 1000),
    -- {"zone": ..., "shifts": [...], "on_call": [...]} as the REST API writes it
    rota                 text         not null,
    updated_at           timestamptz  not null,
    updated_by           text         not null,
    check (not (all_tenants and cardinality(tenants) > 0))
);

-- the rule's tags (ATT&CK, logsource labels) kept with the case: auto-assignment matches skills
alter table cases add column rule_tags text[] not null default '{}';

-- load per analyst (unresolved cases held) and cases waiting for an assignee
create index cases_held_by_assignee_idx on cases (assignee)
    where status in ('OPEN', 'ACKNOWLEDGED', 'IN_PROGRESS', 'WAITING_ON_CUSTOMER');
create index cases_unassigned_idx on cases (created_at)
    where assignee is null and status = 'OPEN';
