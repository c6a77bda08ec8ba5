package io.socaas.tenants.tenantconfig.domain;

import static io.socaas.tenants.tenantconfig.domain.TenantFileTestData.aTenantFile;
import static io.socaas.tenants.tenantconfig.domain.TenantFileTestData.plans;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import io.socaas.events.TenantId;
import io.socaas.tenants.tenant.domain.TenantSpec;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class TenantConfigParserPropertiesTest {

    private static final PlanCatalog PLANS = TenantConfigParser.parsePlans(plans("essentials", "standard"));

    @Test
    void anyIdEitherLoadsAsItselfOrFailsNamingTheFile() {
        qt().forAll(ids()).checkAssert(id -> {
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
        });
    }

    @Test
    void everyIanaZoneIsAccepted() {
        qt().forAll(Generate.pick(List.copyOf(ZoneId.getAvailableZoneIds()))).checkAssert(zone -> {
            TenantSpec spec = TenantConfigParser.parseTenant(
                    aTenantFile().withTimeZone(zone).build(), PLANS);

            assertThat(spec.timeZone()).isEqualTo(ZoneId.of(zone));
        });
    }

    @Test
    void anyPlanOutsideTheCatalogIsRejected() {
        Gen<String> unknownPlans = text(1, 40).assuming(plan -> !PLANS.contains(plan.strip()));
        qt().forAll(unknownPlans).checkAssert(plan -> {
            Throwable failure = catchThrowable(() ->
                    TenantConfigParser.parseTenant(aTenantFile().withPlan(plan).build(), PLANS));

            assertThat(failure).isInstanceOf(TenantConfigException.class).hasMessageStartingWith("tenants/acme.yaml: ");
        });
    }

    @Test
    void anyValueTypeInAnyFieldGivesATenantConfigErrorNotACrash() {
        Gen<String> fields = Generate.pick(List.of(
                "id",
                "display_name",
                "plan",
                "time_zone",
                "status",
                "rule_packs",
                "contacts",
                "notification_endpoints",
                "placeholders",
                "holidays"));
        qt().forAll(fields, yamlValues(2)).checkAssert((field, value) -> {
            Throwable failure = catchThrowable(() -> TenantConfigParser.parseTenant(
                    aTenantFile().with(field, value).build(), PLANS));

            if (failure != null) {
                assertThat(failure).isInstanceOf(TenantConfigException.class);
            }
        });
    }

    /** Tenant ids as people write them, and anything else. */
    private static Gen<String> ids() {
        Gen<String> wellFormed = lists().of(Generate.pick(List.of('a', 'z', '0', '9', '-')))
                .ofSizeBetween(1, 64)
                .map(cs -> cs.stream().map(String::valueOf).reduce("", String::concat));
        Gen<String> padded = wellFormed.map(id -> " " + id + "\t");
        return Generate.frequency(Pair.of(2, wellFormed), Pair.of(1, padded), Pair.of(3, text(0, 80)));
    }

    /** What the YAML reader can produce for one value: scalars, lists and mappings, nested. */
    private static Gen<Object> yamlValues(int depth) {
        Gen<Object> strings = text(0, 40).map(Object.class::cast);
        Gen<Object> ints = integers().all().map(Object.class::cast);
        Gen<Object> longValues = longs().all().map(Object.class::cast);
        Gen<Object> doubleValues = doubles().any().map(Object.class::cast);
        Gen<Object> booleanValues = booleans().all().map(Object.class::cast);
        Gen<Object> nulls = Generate.constant(() -> null);
        Gen<Object> scalars = Generate.oneOf(strings, ints, longValues, doubleValues, booleanValues, nulls);
        if (depth == 0) {
            return scalars;
        }
        Gen<Object> lists =
                lists().of(yamlValues(depth - 1)).ofSizeBetween(0, 3).map(Object.class::cast);
        Gen<Object> maps = lists().of(text(0, 12).zip(yamlValues(depth - 1), Pair::of))
                .ofSizeBetween(0, 3)
                .map(entries -> {
                    Map<String, Object> map = new java.util.LinkedHashMap<>();
                    entries.forEach(e -> map.put(e._1, e._2));
                    return (Object) map;
                });
        return Generate.frequency(Pair.of(4, scalars), Pair.of(1, lists), Pair.of(1, maps));
    }

    /** Any text: ASCII (letters, digits, '-', whitespace) often, and any other char, lone surrogates included. */
    private static Gen<String> text(int min, int max) {
        Gen<Integer> chars = Generate.frequency(
                Pair.of(4, integers().between(0x20, 0x7E)),
                Pair.of(1, Generate.pick(List.of((int) '\t', (int) '\n', (int) '\r', 0x00, 0xA0, 0x2028))),
                Pair.of(2, integers().between(0x00, 0xFFFF)));
        return lists().of(chars).ofSizeBetween(min, max).map(cs -> {
            StringBuilder sb = new StringBuilder(cs.size());
            cs.forEach(c -> sb.append((char) c.intValue()));
            return sb.toString();
        });
    }
}
