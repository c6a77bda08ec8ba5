package io.socaas.tenants.facts;

import io.socaas.proto.tenant.v1.BusinessHours;
import io.socaas.proto.tenant.v1.ClientCertificateBinding;
import io.socaas.proto.tenant.v1.ConfigSource;
import io.socaas.proto.tenant.v1.Contact;
import io.socaas.proto.tenant.v1.Coverage;
import io.socaas.proto.tenant.v1.EscalationStep;
import io.socaas.proto.tenant.v1.IngestQuota;
import io.socaas.proto.tenant.v1.NotificationEndpoint;
import io.socaas.proto.tenant.v1.Placeholder;
import io.socaas.proto.tenant.v1.Price;
import io.socaas.proto.tenant.v1.RuleException;
import io.socaas.proto.tenant.v1.RuleOverride;
import io.socaas.proto.tenant.v1.RulePackSelection;
import io.socaas.proto.tenant.v1.Severity;
import io.socaas.proto.tenant.v1.SlaBudget;
import io.socaas.proto.tenant.v1.SlaClock;
import io.socaas.proto.tenant.v1.SyslogSource;
import io.socaas.proto.tenant.v1.TenantConfig;
import io.socaas.tenants.tenant.domain.Tenant;
import io.socaas.tenants.tenant.domain.TenantSettings;
import io.socaas.tenants.tenant.domain.TenantSource;
import io.socaas.tenants.tenant.domain.TenantStatus;
import io.socaas.tenants.tenantconfig.domain.Plan;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.TreeSet;

/** A stored tenant and its plan, resolved into the published {@link TenantConfig}. */
final class TenantConfigMapping {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private TenantConfigMapping() {}

    static TenantConfig toProto(Tenant tenant, Plan plan) {
        var spec = tenant.spec();
        TenantSettings settings = spec.settings();
        TenantConfig.Builder config = TenantConfig.newBuilder()
                .setTenantId(spec.id().value())
                .setDisplayName(spec.displayName())
                .setStatus(status(spec.status()))
                .setTimeZone(spec.timeZone().getId())
                .setPlan(plan(plan, settings))
                .setRevision(tenant.revision())
                .setSource(
                        tenant.source() == TenantSource.API
                                ? ConfigSource.CONFIG_SOURCE_API
                                : ConfigSource.CONFIG_SOURCE_FILE)
                .setUpdatedTimeMs(tenant.updatedAt().toEpochMilli());
        settings.contacts()
                .forEach((role, email) ->
                        config.addContacts(Contact.newBuilder().setRole(role).setEmail(email)));
        for (String pack : spec.rulePacks()) {
            RulePackSelection.Builder selection = RulePackSelection.newBuilder().setPackId(pack);
            settings.ruleOverrides().stream()
                    .filter(o -> o.pack().equals(pack))
                    .forEach(o -> selection.addOverrides(override(o)));
            config.addRulePacks(selection);
        }
        settings.notificationEndpoints()
                .forEach(e -> config.addNotificationEndpoints(NotificationEndpoint.newBuilder()
                        .setName(e.name())
                        .setUrl(e.url())
                        .setSecretRef(e.secretRef())));
        settings.placeholders()
                .forEach((name, values) -> config.addPlaceholders(
                        Placeholder.newBuilder().setName(name).addAllValues(values)));
        settings.syslogSources().forEach(source -> {
            SyslogSource.Builder out = SyslogSource.newBuilder()
                    .setName(source.name())
                    .setPort(source.port())
                    .setTimeZone(source.timeZone());
            source.clientCertificates()
                    .forEach(c -> out.addClientCertificates(ClientCertificateBinding.newBuilder()
                            .setSha256Fingerprint(c.sha256Fingerprint())
                            .setSubjectDn(c.subjectDn())));
            config.addSyslogSources(out);
        });
        return config.build();
    }

    static io.socaas.proto.tenant.v1.TenantStatus status(TenantStatus status) {
        return switch (status) {
            case PROVISIONING -> io.socaas.proto.tenant.v1.TenantStatus.TENANT_STATUS_PROVISIONING;
            case ACTIVE -> io.socaas.proto.tenant.v1.TenantStatus.TENANT_STATUS_ACTIVE;
            case SUSPENDED -> io.socaas.proto.tenant.v1.TenantStatus.TENANT_STATUS_SUSPENDED;
            case FAILED -> io.socaas.proto.tenant.v1.TenantStatus.TENANT_STATUS_FAILED;
            case OFFBOARDING -> io.socaas.proto.tenant.v1.TenantStatus.TENANT_STATUS_OFFBOARDING;
            case OFFBOARDED -> io.socaas.proto.tenant.v1.TenantStatus.TENANT_STATUS_OFFBOARDED;
        };
    }

    private static io.socaas.proto.tenant.v1.Plan plan(Plan plan, TenantSettings settings) {
        io.socaas.proto.tenant.v1.Plan.Builder out = io.socaas.proto.tenant.v1.Plan.newBuilder()
                .setId(plan.id())
                .setName(plan.name())
                .setRetentionDays(plan.retentionDays())
                .setQuota(IngestQuota.newBuilder()
                        .setEventsPerSecond(plan.quota().eventsPerSecond())
                        .setBurstEvents(plan.quota().burstEvents())
                        .setEventsPerDay(plan.quota().eventsPerDay()))
                .setPrice(Price.newBuilder()
                        .setCurrency(plan.billing().currency())
                        .setMonthlyFeeMinor(plan.billing().monthlyFee())
                        .setIncludedGb(plan.billing().includedGb())
                        .setOveragePerGbMinor(plan.billing().overagePerGb())
                        .setServiceCreditPercentPerBreach(plan.billing().serviceCreditPercentPerBreach())
                        .setMaxCreditPercent(plan.billing().maxCreditPercent()));
        plan.sla().entrySet().stream()
                .sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> out.addSla(SlaBudget.newBuilder()
                        .setSeverity(severity(e.getKey()))
                        .setAcknowledgeSeconds(e.getValue().acknowledge().toSeconds())
                        .setResolveSeconds(e.getValue().resolve().toSeconds())));
        plan.escalation()
                .forEach(step -> out.addEscalation(EscalationStep.newBuilder()
                        .setAtPercent(step.atPercent())
                        .setOf(
                                step.of() == Plan.Clock.ACKNOWLEDGE
                                        ? SlaClock.SLA_CLOCK_ACKNOWLEDGE
                                        : SlaClock.SLA_CLOCK_RESOLVE)
                        .setAction(step.action())));
        Plan.Coverage coverage = plan.coverage();
        Coverage.Builder cov = Coverage.newBuilder()
                .setKind(coverage.allDay() ? Coverage.Kind.KIND_24X7 : Coverage.Kind.KIND_BUSINESS_HOURS);
        if (!coverage.allDay()) {
            coverage.days().stream()
                    .sorted()
                    .forEach(day -> cov.addBusinessHours(BusinessHours.newBuilder()
                            .setDayOfWeek(day.getValue())
                            .setStart(coverage.from().format(HH_MM))
                            .setEnd(coverage.to().format(HH_MM))));
        }
        TreeSet<LocalDate> holidays = new TreeSet<>(coverage.holidays());
        holidays.addAll(settings.holidays());
        holidays.forEach(day -> cov.addHolidays(day.toString()));
        return out.setCoverage(cov).build();
    }

    private static RuleOverride override(TenantSettings.RuleOverride o) {
        RuleOverride.Builder out =
                RuleOverride.newBuilder().setRuleId(o.ruleId()).setDisabled(o.disabled());
        if (o.severity() != null) {
            out.setSeverity(Severity.valueOf("SEVERITY_" + o.severity().toUpperCase(Locale.ROOT)));
        }
        o.exceptions()
                .forEach(e -> out.addExceptions(RuleException.newBuilder()
                        .setField(e.field())
                        .addAllValues(e.values())
                        .setReason(e.reason() == null ? "" : e.reason())));
        return out.build();
    }

    private static Severity severity(Plan.Severity severity) {
        return Severity.valueOf("SEVERITY_" + severity.name());
    }
}
