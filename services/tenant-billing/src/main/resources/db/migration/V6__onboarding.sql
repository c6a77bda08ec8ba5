-- Onboarding through the API: the provisioning saga of each API tenant, its steps, the answers kept
-- for Idempotency-Key replays, and the one-time credentials waiting to be picked up once.

-- One saga per tenant created through the API. state: running (steps left to do), done, failed (a
-- step failed for good; POST .../provisioning:retry resumes it).
create table provisionings (
    tenant_id       text primary key references tenants (id) on delete cascade,
    state           text        not null check (state in ('running', 'done', 'failed')),
    contact_email   text        not null,
    requested_by    text        not null,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    -- the saga is due when next_attempt_at has passed (backoff between attempts of a step)
    next_attempt_at timestamptz not null,
    -- a runner owns the saga until this time, so that two runners never work one tenant at once
    claimed_until   timestamptz
);

create index provisionings_due_idx on provisionings (next_attempt_at) where state = 'running';

-- The steps of a saga, in position order. status: pending (not done yet; last_error says why the
-- previous attempt failed), done, failed (for good), skipped (with the reason in detail).
create table provisioning_steps (
    tenant_id  text        not null references provisionings (tenant_id) on delete cascade,
    step       text        not null,
    position   int         not null,
    status     text        not null check (status in ('pending', 'done', 'failed', 'skipped')),
    attempts   int         not null default 0,
    last_error text,
    detail     text,
    updated_at timestamptz not null,
    primary key (tenant_id, step)
);

-- The answer of POST /api/v1/tenants per (caller, Idempotency-Key): a retried request gets the same
-- answer; the same key with another body is refused. Kept after the tenant is purged.
create table onboarding_requests (
    caller          text        not null,
    idempotency_key text        not null check (char_length(idempotency_key) between 1 and 255),
    request_sha256  text        not null,
    tenant_id       text        not null,
    response_status int         not null,
    response_body   text        not null,
    created_at      timestamptz not null,
    primary key (caller, idempotency_key)
);

-- Secrets made by the saga (the first admin's initial password, the first ingest key), held only
-- until the first authorized read of the tenant takes them: that read deletes the row.
create table onetime_credentials (
    tenant_id  text        not null references tenants (id) on delete cascade,
    kind       text        not null check (kind in ('admin-password', 'ingest-key')),
    reference  text        not null,
    secret     text        not null,
    created_at timestamptz not null,
    primary key (tenant_id, kind)
);
