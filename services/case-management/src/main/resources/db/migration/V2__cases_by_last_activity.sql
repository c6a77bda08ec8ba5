-- Case lists sort by last activity (a repeated detection brings its case to the top).
create index cases_tenant_updated_idx on cases (tenant_id, updated_at desc, id desc);
create index cases_updated_idx on cases (updated_at desc, id desc);
