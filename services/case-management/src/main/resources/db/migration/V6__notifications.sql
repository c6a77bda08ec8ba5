-- Notifications about cases: signed webhooks to the tenant's endpoints, e-mails to its contacts and
-- to analysts, and pages to the on-call analysts (which they acknowledge). Written in the same
-- transaction as the change they tell of, delivered by the dispatcher with retries and backoff;
-- what still fails after the last attempt stays here as dead, for an analyst to see and replay.
create table notifications (
    id              uuid         primary key,
    tenant_id       varchar(63)  not null,
    case_id         uuid,
    channel         varchar(16)  not null check (channel in ('WEBHOOK', 'EMAIL')),
    kind            varchar(16)  not null check (kind in ('NOTICE', 'PAGE')),
    -- webhook URL, e-mail address
    target          text         not null,
    -- the analyst paged or notified (pages: who acknowledges)
    analyst         text,
    -- webhook: the tenant's endpoint name and the name of its signing secret
    endpoint_name   text,
    secret_ref      text,
    event_type      text         not null,
    subject         text         not null,
    -- webhook: the JSON body as signed; e-mail: the text
    body            text         not null,
    status          varchar(16)  not null check (status in ('PENDING', 'DELIVERED', 'DEAD')),
    attempts        integer      not null default 0,
    next_attempt_at timestamptz,
    last_error      text,
    created_at      timestamptz  not null,
    delivered_at    timestamptz,
    acknowledged_at timestamptz,
    acknowledged_by text
);
create index notifications_due_idx on notifications (next_attempt_at) where status = 'PENDING';
create index notifications_tenant_idx on notifications (tenant_id, status, created_at);
create index notifications_pages_idx on notifications (analyst, created_at) where kind = 'PAGE';
