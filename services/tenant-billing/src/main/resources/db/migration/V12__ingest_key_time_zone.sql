-- The zone of the clock of the source an ingest key is issued for (IANA id): ingestion reads the times
-- the source writes without an offset in it. Null: UTC. A rotation gives the new key the same zone.
alter table ingest_keys add column time_zone text;
