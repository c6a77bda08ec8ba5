-- Files sent with an e-mail notification: the hand-off of a case to the customer's CSIRT carries the
-- PDF summary and the OCSF Incident Finding. Written with the notification, read when it is sent
-- (and again when it is replayed).
create table notification_attachments (
    notification_id uuid         not null references notifications (id),
    tenant_id       varchar(63)  not null,
    file_name       text         not null,
    content_type    text         not null,
    content         bytea        not null,
    primary key (notification_id, file_name)
);
create index notification_attachments_tenant_idx on notification_attachments (tenant_id);
