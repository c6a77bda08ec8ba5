-- Ingest key lifecycle: rotation with a grace period, and when each key was last used.

-- A rotated key keeps working until expires_at, so that a log source can switch to the new key
-- without losing events; replaced_by names the new key.
alter table ingest_keys add column expires_at timestamptz;
alter table ingest_keys add column replaced_by text references ingest_keys (key_id);

-- Last successful resolution of the key (updated at most once a minute per key).
alter table ingest_keys add column last_used_at timestamptz;
