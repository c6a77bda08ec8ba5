package io.socaas.reporting.portal.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrganizationClaimTest {

    @Test
    void readsAliasesFromAList() {
        assertThat(OrganizationClaim.aliases(List.of("acme"))).containsExactly("acme");
    }

    @Test
    void readsAliasesFromAnObjectKeyedByAlias() {
        assertThat(OrganizationClaim.aliases(Map.of("globex", Map.of("id", "0c9e"))))
                .containsExactly("globex");
    }

    @Test
    void readsAliasesFromJsonText() {
        assertThat(OrganizationClaim.aliases("[\"acme\"]")).containsExactly("acme");
        assertThat(OrganizationClaim.aliases("{\"acme\":{\"id\":\"1\"}}")).containsExactly("acme");
    }

    @Test
    void stripsJsonStringQuotesOfListElements() {
        // jakarta.json JsonString.toString() keeps the quotes
        assertThat(OrganizationClaim.aliases(List.of("\"acme\""))).containsExactly("acme");
    }

    @Test
    void readsNothingFromAMissingClaim() {
        assertThat(OrganizationClaim.aliases(null)).isEmpty();
        assertThat(OrganizationClaim.aliases("[not json")).isEmpty();
    }
}
