-- Tasks of a case: what is left to do in the investigation (collect the host's memory, reset the
-- user's password, ...), each with who does it and whether it is done.
create table case_tasks (
    id         uuid         primary key,
    case_id    uuid         not null references cases (id),
    tenant_id  varchar(63)  not null,
    title      text         not null,
    assignee   text,
    status     varchar(8)   not null check (status in ('OPEN', 'DONE')),
    created_by text         not null,
    created_at timestamptz  not null,
    done_by    text,
    done_at    timestamptz
);
create index case_tasks_case_idx on case_tasks (case_id, created_at);
