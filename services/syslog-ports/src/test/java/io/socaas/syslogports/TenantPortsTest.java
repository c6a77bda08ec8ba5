package io.socaas.syslogports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TenantPortsTest {

    private final TenantPorts ports = TenantPorts.of("1024-65535", List.of("8081", "5140", "6514", "2514-2515"));

    @Test
    void aFreePortInTheRangeMayBeATenants() {
        assertThat(ports.refusal(5141)).isEmpty();
        assertThat(ports.refusal(1024)).isEmpty();
        assertThat(ports.refusal(65535)).isEmpty();
    }

    @Test
    void ingestionsOwnListenersAreNeverATenants() {
        for (int port : new int[] {8081, 5140, 6514, 2514, 2515}) {
            assertThat(ports.refusal(port))
                    .hasValueSatisfying(reason -> assertThat(reason)
                            .contains("port " + port + " is reserved by the platform")
                            .contains("2514-2515"));
        }
    }

    @Test
    void aPortOutsideTheRangeIsRefusedNamingTheRange() {
        TenantPorts narrow = TenantPorts.of("20000-20999", List.of());

        assertThat(narrow.refusal(19999)).hasValue("port 19999 is outside the tenant port range 20000-20999");
        assertThat(narrow.refusal(21000)).isPresent();
        assertThat(narrow.refusal(20500)).isEmpty();
    }

    @Test
    void theDefaultsReserveEveryListenerOfIngestion() throws NoSuchMethodException {
        String range = TenantPortsConfig.class
                .getMethod("range")
                .getAnnotation(io.smallrye.config.WithDefault.class)
                .value();
        String reserved = TenantPortsConfig.class
                .getMethod("reserved")
                .getAnnotation(io.smallrye.config.WithDefault.class)
                .value();
        TenantPorts defaults = TenantPorts.of(range, List.of(reserved.split(",")));

        // HTTP, shared syslog TCP/UDP, TLS, RELP, RELP over TLS
        for (int port : new int[] {8081, 5140, 6514, 2514, 2515}) {
            assertThat(defaults.isReserved(port)).as("port %d", port).isTrue();
        }
        assertThat(defaults.refusal(5141)).isEmpty();
    }

    @Test
    void aMalformedSettingIsNamed() {
        assertThatThrownBy(() -> TenantPorts.of("1024-65535", List.of("syslog")))
                .hasMessageContaining("socaas.syslog.tenant-ports.reserved: 'syslog'");
        assertThatThrownBy(() -> TenantPorts.of("80-65535", List.of()))
                .hasMessageContaining("must lie within 1024-65535");
        assertThatThrownBy(() -> TenantPorts.of("2000-1000", List.of()))
                .hasMessageContaining("socaas.syslog.tenant-ports.range");
    }
}
