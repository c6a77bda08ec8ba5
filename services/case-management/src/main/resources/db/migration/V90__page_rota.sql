-- A page goes round the on-call rota: a page nobody acknowledges within
-- socaas.cases.sla.page-ack-wait goes on to the next analyst on the rota, once (the row is locked and
-- its pass_on_at cleared in the transaction that writes the next page). The pages of one escalation
-- share a chain; acknowledging any of them ends the chain.
alter table notifications add column page_chain uuid;
-- 1 for the first page of a chain, 2 for the analyst it went on to, ...
alter table notifications add column page_round integer;
-- when the page goes on to the next analyst unless acknowledged; null for notices, and for pages
-- acknowledged or passed on already
alter table notifications add column pass_on_at timestamptz;
create index notifications_pass_on_idx on notifications (pass_on_at) where pass_on_at is not null;
create index notifications_page_chain_idx on notifications (tenant_id, page_chain) where page_chain is not null;
