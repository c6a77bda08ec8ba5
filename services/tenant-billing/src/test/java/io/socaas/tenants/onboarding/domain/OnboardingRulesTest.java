package io.socaas.tenants.onboarding.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.socaas.tenants.tenantconfig.domain.PlanCatalog;
import io.socaas.tenants.tenantconfig.domain.TenantConfigParser;
import io.socaas.tenants.tenantconfig.domain.TenantFileTestData;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class OnboardingRulesTest {

    private static final PlanCatalog PLANS =
            TenantConfigParser.parsePlans(TenantFileTestData.plans("essentials", "standard"));

    private static OnboardingRequest valid() {
        return new OnboardingRequest("initech", "Initech Corp", "standard", "IT@Initech.example", "Europe/Berlin");
    }

    @Test
    void aValidRequestBecomesTheTenantToCreate() {
        NewTenant tenant = OnboardingRules.validate(valid(), PLANS);

        assertThat(tenant.id().value()).isEqualTo("initech");
        assertThat(tenant.displayName()).isEqualTo("Initech Corp");
        assertThat(tenant.timeZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(tenant.contactEmail())
                .as("e-mail addresses are compared in lower case")
                .isEqualTo("it@initech.example");
    }

    @Test
    void anIdOfFortyCharactersIsTheLongestAccepted() {
        String forty = "a".repeat(40);
        assertThat(OnboardingRules.validate(withId(forty), PLANS).id().value()).isEqualTo(forty);

        assertThat(fieldsOf(withId("a".repeat(41)))).containsExactly("id");
    }

    @Test
    void anIdMustBeADnsLabel() {
        for (String bad : new String[] {"-acme", "acme-", "Acme", "ac_me", "ac.me", "", " "}) {
            assertThat(fieldsOf(withId(bad))).as(bad).containsExactly("id");
        }
    }

    @Test
    void everyBadMemberIsReportedAtOnce() {
        OnboardingRequest bad = new OnboardingRequest("-", " ", "platinum", "nobody", "Europe/Atlantis");

        InvalidFieldsException e =
                catchThrowableOfType(InvalidFieldsException.class, () -> OnboardingRules.validate(bad, PLANS));

        assertThat(e.errors())
                .extracting(FieldError::field)
                .containsExactly("id", "display_name", "plan", "contact_email", "time_zone");
        assertThat(e.errors().get(2).message()).contains("platinum", "essentials, standard");
    }

    @Test
    void missingMembersAreRequired() {
        InvalidFieldsException e = catchThrowableOfType(
                InvalidFieldsException.class,
                () -> OnboardingRules.validate(new OnboardingRequest(null, null, null, null, null), PLANS));

        assertThat(e.errors()).allSatisfy(error -> assertThat(error.message()).isEqualTo("is required"));
        assertThat(e.errors()).hasSize(5);
    }

    @Test
    void aTimeZoneMustBeAnIanaZoneNotAnOffset() {
        assertThat(fieldsOf(new OnboardingRequest("initech", "Initech", "standard", "a@b.example", "+02:00")))
                .containsExactly("time_zone");
    }

    private static OnboardingRequest withId(String id) {
        OnboardingRequest v = valid();
        return new OnboardingRequest(id, v.displayName(), v.plan(), v.contactEmail(), v.timeZone());
    }

    private static java.util.List<String> fieldsOf(OnboardingRequest request) {
        InvalidFieldsException e =
                catchThrowableOfType(InvalidFieldsException.class, () -> OnboardingRules.validate(request, PLANS));
        assertThat(e).as("refused").isNotNull();
        return e.errors().stream().map(FieldError::field).toList();
    }
}
