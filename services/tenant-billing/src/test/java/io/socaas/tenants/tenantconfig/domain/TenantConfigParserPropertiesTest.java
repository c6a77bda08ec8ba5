package io.socaas.tenants.tenantconfig.domain;

import static io.socaas.tenants.tenantconfig.domain.TenantFileTestData.aTenantFile;
import static io.socaas.tenants.tenantconfig.domain.TenantFileTestData.plans;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.socaas.events.TenantId;
import io.socaas.tenants.tenant.domain.TenantSpec;
import java.time.ZoneId;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class TenantConfigParserPropertiesTest {

    private static final PlanCatalog PLANS = TenantConfigParser.parsePlans(plans("essentials", "standard"));

    @Property
    void anyIdEitherLoadsAsItselfOrFailsNamingTheFile(@ForAll String id) {
        ConfigDocument file =
                aTenantFile().withId(id).inFile("tenants/" + id + ".yaml").build();

        Throwable failure = catchThrowable(() -> {
            TenantSpec spec = TenantConfigParser.parseTenant(file, PLANS);
            assertThat(spec.id().value()).isEqualTo(id.strip());
        });

        if (failure != null) {
            assertThat(failure).isInstanceOf(TenantConfigException.class);
            assertThat(failure.getMessage()).startsWith(file.file() + ": ");
        } else {
            assertThat(TenantId.isValid(id.strip())).isTrue();
        }
    }

    @Property
    void everyIanaZoneIsAccepted(@ForAll("ianaZones") String zone) {
        TenantSpec spec =
                TenantConfigParser.parseTenant(aTenantFile().withTimeZone(zone).build(), PLANS);

        assertThat(spec.timeZone()).isEqualTo(ZoneId.of(zone));
    }

    @Property
    void anyPlanOutsideTheCatalogIsRejected(@ForAll("unknownPlans") String plan) {
        Throwable failure = catchThrowable(() ->
                TenantConfigParser.parseTenant(aTenantFile().withPlan(plan).build(), PLANS));

        assertThat(failure).isInstanceOf(TenantConfigException.class).hasMessageStartingWith("tenants/acme.yaml: ");
    }

    @Property
    void anyValueTypeInAnyFieldGivesATenantConfigErrorNotACrash(
            @ForAll("fields") String field, @ForAll("yamlValues") Object value) {
        Throwable failure = catchThrowable(() ->
                TenantConfigParser.parseTenant(aTenantFile().with(field, value).build(), PLANS));

        if (failure != null) {
            assertThat(failure).isInstanceOf(TenantConfigException.class);
        }
    }

    @Provide
    Arbitrary<String> ianaZones() {
        return Arbitraries.of(ZoneId.getAvailableZoneIds());
    }

    @Provide
    Arbitrary<String> unknownPlans() {
        return Arbitraries.strings().ofMinLength(1).filter(p -> !PLANS.contains(p.strip()));
    }

    @Provide
    Arbitrary<String> fields() {
        return Arbitraries.of("display_name", "plan", "time_zone", "status", "rule_packs");
    }

    @Provide
    Arbitrary<Object> yamlValues() {
        return Arbitraries.oneOf(
                Arbitraries.strings().map(s -> (Object) s),
                Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.of(Boolean.TRUE, Boolean.FALSE).map(b -> (Object) b),
                Arbitraries.strings().list().ofMaxSize(3).map(l -> (Object) l),
                Arbitraries.just(java.util.Map.of("nested", "map")));
    }
}
