-- The one-time credentials (first admin's initial password, first ingest key) are kept sealed:
-- AES-256-GCM with the service's keyring (services/secret-box), bound to the row's tenant, kind and
-- reference, so a copy moved to another tenant's row does not open. The clear column stays only for
-- rows written before this version (and by replicas of the previous version during a rolling
-- update): OneTimeCredentialResealing seals them shortly after start and empties it; a later
-- version drops it.
alter table onetime_credentials add column sealed_secret bytea;
alter table onetime_credentials alter column secret drop not null;
alter table onetime_credentials
    add constraint onetime_credentials_sealed_or_legacy check (num_nonnulls(secret, sealed_secret) = 1);
comment on column onetime_credentials.secret is
    'legacy: clear secret of a row written before V9; sealed into sealed_secret by the service';
comment on column onetime_credentials.sealed_secret is
    'secret-box format v1: version, key id, nonce, AES-256-GCM ciphertext and tag';
