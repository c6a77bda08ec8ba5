-- An offboarded tenant keeps its row (billing records: usage, invoices, export stay under its id):
-- its status is 'offboarded' once everything else of it is purged and its tombstone published.
alter table tenants drop constraint tenants_status_check;
alter table tenants add constraint tenants_status_check
    check (status in ('provisioning', 'active', 'suspended', 'failed', 'offboarding', 'offboarded'));
