package io.socaas.tenants.ingestkey.domain;

import static io.socaas.tenants.ingestkey.domain.IngestKeyTestData.anIngestKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socaas.events.TenantId;
import io.socaas.tenants.ingestkey.domain.IngestKeyRejectedException.Reason;
import io.socaas.tenants.tenant.domain.TenantStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class IngestKeyTest {

    @Test
    void admitsAValidKeyOfAnActiveTenant() {
        ResolvedIngestKey resolved =
                anIngestKey().forTenant("globex").forSource("dc01").build().admit(TenantStatus.ACTIVE);

        assertThat(resolved)
                .isEqualTo(new ResolvedIngestKey(TenantId.of("globex"), "ik_01arz3ndektsv4rrffq69g5fav", "dc01"));
    }

    @Test
    void rejectsARevokedKeyWithTheCommonMessage() {
        IngestKey revoked =
                anIngestKey().revokedAt(Instant.parse("2026-02-01T00:00:00Z")).build();

        assertThatThrownBy(() -> revoked.admit(TenantStatus.ACTIVE))
                .isInstanceOfSatisfying(
                        IngestKeyRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.REVOKED))
                .hasMessage(IngestKeyRejectedException.MESSAGE);
    }

    @ParameterizedTest
    @EnumSource(value = TenantStatus.class, names = "ACTIVE", mode = EnumSource.Mode.EXCLUDE)
    void rejectsTheKeyOfATenantThatIsNotActive(TenantStatus status) {
        assertThatThrownBy(() -> anIngestKey().build().admit(status))
                .isInstanceOfSatisfying(
                        IngestKeyRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TENANT_NOT_ACTIVE))
                .hasMessage(IngestKeyRejectedException.MESSAGE);
    }

    @Test
    void sourceNameMustBeOneTo64Characters() {
        assertThat(SourceName.require("x".repeat(64))).hasSize(64);
        assertThatThrownBy(() -> SourceName.require("x".repeat(65)))
                .isInstanceOf(InvalidIngestKeyRequestException.class);
        assertThatThrownBy(() -> SourceName.require(" ")).isInstanceOf(InvalidIngestKeyRequestException.class);
        assertThatThrownBy(() -> SourceName.require("fw\nhq")).isInstanceOf(InvalidIngestKeyRequestException.class);
    }
}
