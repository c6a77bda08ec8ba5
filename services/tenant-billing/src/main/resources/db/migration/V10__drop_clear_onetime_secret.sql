-- The one-time credentials are kept only sealed (V9): the clear column of the rows written before
-- V9 goes. The version before this one sealed every such row shortly after its start
-- (OneTimeCredentialResealing); a row still clear here would be lost by the drop, so the migration
-- refuses to run until that version has sealed it (start it once, then this one).
do $$
begin
    if exists (select 1 from onetime_credentials where secret is not null) then
        raise exception 'onetime_credentials still holds % clear secret(s): start the previous tenant-billing'
            ' version once so that it seals them, then this one', (select count(*) from onetime_credentials where secret is not null);
    end if;
end
$$;
alter table onetime_credentials drop constraint onetime_credentials_sealed_or_legacy;
alter table onetime_credentials drop column secret;
alter table onetime_credentials alter column sealed_secret set not null;
