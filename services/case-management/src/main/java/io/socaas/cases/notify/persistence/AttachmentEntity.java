package io.socaas.cases.notify.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** Row of table {@code notification_attachments}: a file sent with an e-mail notification. */
@Entity
@Table(name = "notification_attachments")
@IdClass(AttachmentEntity.Key.class)
public class AttachmentEntity extends PanacheEntityBase {

    /** Primary key: the notification and the file's name. */
    public static class Key implements Serializable {
        public UUID notificationId;
        public String fileName;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k
                    && Objects.equals(notificationId, k.notificationId)
                    && Objects.equals(fileName, k.fileName);
        }

        @Override
        public int hashCode() {
            return Objects.hash(notificationId, fileName);
        }
    }

    @Id
    @Column(name = "notification_id")
    public UUID notificationId;

    @Id
    @Column(name = "file_name")
    public String fileName;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    @Column(name = "content_type", nullable = false)
    public String contentType;

    @Column(nullable = false)
    public byte[] content;

    /** A file to send with {@code notification}. */
    public static AttachmentEntity of(
            NotificationEntity notification, String fileName, String contentType, byte[] content) {
        AttachmentEntity row = new AttachmentEntity();
        row.notificationId = notification.id;
        row.tenantId = notification.tenantId;
        row.fileName = fileName;
        row.contentType = contentType;
        row.content = content;
        return row;
    }
}
