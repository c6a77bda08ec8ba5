-- The terms a tenant is billed on for a month: its plan's price and its time zone as they were
-- when the month began (or when the tenant was first billed in it). A plan or zone change takes
-- effect from the next month; the invoice of a month is computed from these terms, whenever it is
-- issued.
create table billing_terms (
    tenant_id                 text        not null,
    period                    text        not null check (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    plan_name                 text        not null,
    currency                  text        not null check (currency ~ '^[A-Z]{3}$'),
    monthly_fee_minor         bigint      not null check (monthly_fee_minor >= 0),
    included_gb               bigint      not null check (included_gb >= 0),
    overage_per_gb_minor      bigint      not null check (overage_per_gb_minor >= 0),
    credit_percent_per_breach integer     not null check (credit_percent_per_breach >= 0),
    max_credit_percent        integer     not null check (max_credit_percent between 0 and 100),
    time_zone                 text        not null,
    captured_at               timestamptz not null,
    primary key (tenant_id, period)
);
