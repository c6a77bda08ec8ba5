package io.socaas.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrganizationClaimTest {

    @Test
    void readsTheListForm() {
        assertThat(OrganizationClaim.aliases(List.of("acme", "acme", "globex"))).containsExactly("acme", "globex");
    }

    @Test
    void readsTheObjectFormKeyedByAlias() {
        assertThat(OrganizationClaim.aliases(Map.of("globex", Map.of("id", "0c9e"))))
                .containsExactly("globex");
    }

    @Test
    void readsJsonText() {
        assertThat(OrganizationClaim.aliases("[\"acme\"]")).containsExactly("acme");
        assertThat(OrganizationClaim.aliases("{\"acme\":{\"id\":\"1\"}}")).containsExactly("acme");
        assertThat(OrganizationClaim.aliases("acme")).containsExactly("acme");
    }

    @Test
    void dropsTheQuotesJsonStringsPrintWith() {
        assertThat(OrganizationClaim.aliases(List.of("\"acme\""))).containsExactly("acme");
    }

    @Test
    void findsNoOrganizationInNothingOrNonsense() {
        assertThat(OrganizationClaim.aliases(null)).isEmpty();
        assertThat(OrganizationClaim.aliases(42)).isEmpty();
        assertThat(OrganizationClaim.aliases(true)).isEmpty();
        assertThat(OrganizationClaim.aliases("[not json")).isEmpty();
        assertThat(OrganizationClaim.aliases(List.of(" "))).isEmpty();
    }
}
