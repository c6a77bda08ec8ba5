package io.socaas.tenants.audit.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Row of {@code audit_log}; inserted, never updated (a trigger refuses it). */
@Entity
@Table(name = "audit_log")
public class AuditEntryEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    public Long id;

    @Column(name = "at", nullable = false, updatable = false)
    public Instant at;

    @Column(name = "actor", nullable = false, updatable = false)
    public String actor;

    @Column(name = "subject", nullable = false, updatable = false)
    public String subject;

    @Column(name = "client_id", nullable = false, updatable = false)
    public String clientId;

    @Column(name = "action", nullable = false, updatable = false)
    public String action;

    @Column(name = "tenant_id", updatable = false)
    public String tenantId;

    @Column(name = "request_id", nullable = false, updatable = false)
    public String requestId;

    @Column(name = "status", nullable = false, updatable = false)
    public int status;

    @Column(name = "outcome", nullable = false, updatable = false)
    public String outcome;
}
