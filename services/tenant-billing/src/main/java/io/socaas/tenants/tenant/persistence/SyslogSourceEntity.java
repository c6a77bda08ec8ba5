package io.socaas.tenants.tenant.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Row of {@code syslog_sources}: a syslog source of a tenant managed through the API. */
@Entity
@Table(name = "syslog_sources")
@IdClass(SyslogSourceEntity.Key.class)
public class SyslogSourceEntity {

    @Id
    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    @Id
    @Column(name = "name", nullable = false, updatable = false)
    public String name;

    /** null: no port of its own. */
    @Column(name = "port")
    public Integer port;

    /**
     * {@code {"bindings": [{"sha256_fingerprint": ..., "subject_dn": ...}]}}: an object, since Hibernate
     * Reactive binds JSON objects only.
     */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "client_certificates", nullable = false, columnDefinition = "jsonb")
    public Map<String, List<Map<String, String>>> clientCertificates;

    /** IANA zone of the source's clock; null: UTC. */
    @Column(name = "time_zone")
    public String timeZone;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The primary key (tenant, name). */
    public static class Key implements Serializable {
        public String tenantId;
        public String name;

        public Key() {}

        public Key(String tenantId, String name) {
            this.tenantId = tenantId;
            this.name = name;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key
                    && java.util.Objects.equals(tenantId, key.tenantId)
                    && java.util.Objects.equals(name, key.name);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(tenantId, name);
        }
    }
}
