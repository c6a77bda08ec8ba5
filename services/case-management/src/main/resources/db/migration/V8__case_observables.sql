-- What the alerts' events name that an analyst pivots on (IPs, users, hosts, domains, URLs, hashes),
-- each with the alert that brought it; a merge moves them with the alerts.
create table case_observables (
    alert_id  text         not null,
    case_id   uuid         not null references cases (id),
    tenant_id varchar(63)  not null,
    type      varchar(16)  not null,
    value     text         not null,
    field     text         not null,
    seen_at   timestamptz  not null,
    primary key (alert_id, type, value)
);
create index case_observables_case_idx on case_observables (case_id, type, value);
-- the same value across a tenant's cases (pivot: which other cases saw this IP?)
create index case_observables_value_idx on case_observables (tenant_id, type, value);
