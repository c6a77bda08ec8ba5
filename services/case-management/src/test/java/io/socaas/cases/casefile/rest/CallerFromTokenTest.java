package io.socaas.cases.casefile.rest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallerFromTokenTest {

    @Test
    void readsTheListFormOfTheOrganizationClaim() {
        assertThat(CallerFromToken.organizations(
                        Json.createArrayBuilder().add("acme").build()))
                .containsExactly("acme");
    }

    @Test
    void readsTheObjectFormKeyedByAlias() {
        var claim = Json.createObjectBuilder()
                .add("acme", Json.createObjectBuilder().add("id", "0c3d4f9e"))
                .build();

        assertThat(CallerFromToken.organizations(claim)).containsExactly("acme");
    }

    @Test
    void readsPlainJavaFormsAndAnAbsentClaim() {
        assertThat(CallerFromToken.organizations(List.of("globex"))).containsExactly("globex");
        assertThat(CallerFromToken.organizations(Map.of("globex", Map.of()))).containsExactly("globex");
        assertThat(CallerFromToken.organizations("acme")).containsExactly("acme");
        assertThat(CallerFromToken.organizations(null)).isEmpty();
        assertThat(CallerFromToken.organizations(42)).isEmpty();
    }

    @Test
    void keepsEveryOrganizationSoThatTheAccessPolicyCanRefuseSeveral() {
        assertThat(CallerFromToken.organizations(
                        Json.createArrayBuilder().add("acme").add("globex").build()))
                .containsExactly("acme", "globex");
    }
}
