-- The case workflow: more states, the assignee, the verdict, a version for optimistic
-- concurrency, the timeline (the case's audit trail) and the outbox of soc.cases.v1.

-- Until now 'RESOLVED' meant what 'CLOSED' means from here on: new alerts open a new case.
update cases set status = 'CLOSED' where status = 'RESOLVED';
alter table cases drop constraint cases_status_check;
alter table cases alter column status type varchar(32);
alter table cases add constraint cases_status_check check (status in
    ('OPEN', 'ACKNOWLEDGED', 'IN_PROGRESS', 'WAITING_ON_CUSTOMER', 'RESOLVED', 'CLOSED', 'MERGED'));

alter table cases add column assignee text;
alter table cases add column verdict varchar(16)
    check (verdict in ('TRUE_POSITIVE', 'FALSE_POSITIVE', 'BENIGN'));
alter table cases add column version bigint not null default 1 check (version >= 1);
alter table cases add column acknowledged_at timestamptz;
alter table cases add column resolved_at timestamptz;
alter table cases add column closed_at timestamptz;

-- One case per tenant and dedup key among those that take alerts: closed and merged cases free
-- the key, and reopening a closed case whose key another case holds now fails here.
drop index cases_unresolved_dedup_key_uq;
create unique index cases_live_dedup_key_uq on cases (tenant_id, dedup_key)
    where status not in ('CLOSED', 'MERGED') and dedup_key is not null;

-- Every change of a case: who, when, what, before and after. Append-only.
create table case_timeline (
    id           bigserial   primary key,
    case_id      uuid        not null references cases (id),
    tenant_id    varchar(63) not null,
    at           timestamptz not null,
    actor        text        not null,
    action       text        not null,
    before_value text        not null,
    after_value  text        not null,
    detail       text        not null,
    visibility   varchar(16) not null check (visibility in ('INTERNAL', 'CUSTOMER'))
);
create index case_timeline_case_idx on case_timeline (tenant_id, case_id, id);

-- Changes to publish on soc.cases.v1, written in the transaction of the change; a relay
-- publishes them in order and marks them published.
create table case_outbox (
    event_id     uuid        primary key,
    tenant_id    varchar(63) not null,
    case_id      uuid        not null,
    type         text        not null,
    payload      bytea       not null,
    created_at   timestamptz not null,
    published_at timestamptz
);
create index case_outbox_unpublished_idx on case_outbox (created_at, event_id) where published_at is null;
