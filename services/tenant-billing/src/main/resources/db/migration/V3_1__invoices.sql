-- Monthly invoices. An invoice of a month that has ended is issued once: stored here with its
-- lines and never recomputed (a closed period is locked). The running month is a draft, computed
-- on demand and not stored. Money is in minor units of the currency.

create table invoices (
    tenant_id            text        not null,
    period               text        not null check (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    status               text        not null check (status = 'issued'),
    currency             text        not null check (currency ~ '^[A-Z]{3}$'),
    time_zone            text        not null,
    days_active          integer     not null check (days_active >= 0),
    days_in_month        integer     not null check (days_in_month between 28 and 31),
    monthly_fee_minor    bigint      not null,
    prorated_fee_minor   bigint      not null,
    raw_bytes            bigint      not null check (raw_bytes >= 0),
    usage_gb             numeric     not null,
    included_gb          bigint      not null,
    overage_gb           numeric     not null,
    overage_per_gb_minor bigint      not null,
    overage_minor        bigint      not null,
    breaches             bigint      not null check (breaches >= 0),
    credit_percent       integer     not null,
    credits_minor        bigint      not null,
    total_minor          bigint      not null,
    issued_at            timestamptz not null,
    primary key (tenant_id, period)
);

create table invoice_lines (
    tenant_id        text    not null,
    period           text    not null,
    line_no          integer not null,
    kind             text    not null check (kind in ('fee', 'overage', 'credit')),
    description      text    not null,
    quantity         numeric not null,
    unit_price_minor bigint  not null,
    amount_minor     bigint  not null,
    primary key (tenant_id, period, line_no),
    foreign key (tenant_id, period) references invoices (tenant_id, period)
);

-- SLA breaches that earn the customer a service credit, one row per breach. Filled from
-- soc.cases.v1 once case-management publishes breaches; until then it stays empty and invoices
-- carry no credits.
create table sla_breaches (
    breach_id   text primary key,
    tenant_id   text        not null,
    case_id     text        not null,
    breached_at timestamptz not null
);

create index sla_breaches_tenant_time_idx on sla_breaches (tenant_id, breached_at);
