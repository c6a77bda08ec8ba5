-- The zone of a syslog source's clock (IANA id): ingestion reads the times the source writes without an
-- offset (RFC 3164 headers, a device's own log dates) in it. Null: UTC.
alter table syslog_sources add column time_zone text;
