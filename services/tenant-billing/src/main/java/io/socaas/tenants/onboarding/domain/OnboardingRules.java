package io.socaas.tenants.onboarding.domain;

import io.socaas.events.TenantId;
import io.socaas.tenants.tenant.domain.TimeZones;
import io.socaas.tenants.tenantconfig.domain.PlanCatalog;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Validation of an onboarding request. Pure: the plan catalog comes from the caller.
 *
 * <p>A tenant id is a DNS label of at most {@value #MAX_ID_LENGTH} characters, so that the tenant's
 * Kubernetes namespace {@code tenant-<id>} and its daily OpenSearch indices
 * {@code events-<id>-yyyy.MM.dd} stay valid names.
 */
public final class OnboardingRules {

    public static final int MAX_ID_LENGTH = 40;
    public static final int MAX_DISPLAY_NAME_LENGTH = 200;
    public static final int MAX_EMAIL_LENGTH = 254;

    private static final Pattern ID = Pattern.compile("[a-z0-9]([a-z0-9-]{0," + (MAX_ID_LENGTH - 2) + "}[a-z0-9])?");
    // deliberately simple: one @, a local part and a dotted domain without spaces
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");

    private OnboardingRules() {}

    /** The validated tenant, or an {@link InvalidFieldsException} naming every bad member. */
    public static NewTenant validate(OnboardingRequest request, PlanCatalog plans) {
        List<FieldError> errors = new ArrayList<>();

        String id = request.id();
        if (isBlank(id)) {
            errors.add(new FieldError("id", "is required"));
        } else if (!ID.matcher(id).matches()) {
            errors.add(new FieldError(
                    "id",
                    "must be a DNS label of at most " + MAX_ID_LENGTH
                            + " characters: lower-case letters, digits and '-', not starting or ending with '-'"));
        }

        String displayName = request.displayName();
        if (isBlank(displayName)) {
            errors.add(new FieldError("display_name", "is required"));
        } else if (displayName.strip().length() > MAX_DISPLAY_NAME_LENGTH) {
            errors.add(new FieldError("display_name", "must be at most " + MAX_DISPLAY_NAME_LENGTH + " characters"));
        } else if (displayName.chars().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError("display_name", "must not contain control characters"));
        }

        String plan = request.plan();
        if (isBlank(plan)) {
            errors.add(new FieldError("plan", "is required"));
        } else if (!plans.contains(plan)) {
            errors.add(new FieldError("plan", "unknown plan '" + plan + "'; plans: " + plans.describe()));
        }

        String email = request.contactEmail();
        if (isBlank(email)) {
            errors.add(new FieldError("contact_email", "is required"));
        } else if (email.length() > MAX_EMAIL_LENGTH || !EMAIL.matcher(email).matches()) {
            errors.add(new FieldError("contact_email", "must be an e-mail address such as admin@example.com"));
        }

        String zone = request.timeZone();
        if (isBlank(zone)) {
            errors.add(new FieldError("time_zone", "is required"));
        } else if (!TimeZones.isIana(zone)) {
            errors.add(new FieldError("time_zone", "must be " + TimeZones.RULE));
        }

        if (!errors.isEmpty()) {
            throw new InvalidFieldsException(errors);
        }
        return new NewTenant(
                TenantId.of(id), displayName.strip(), plan, ZoneId.of(zone), email.toLowerCase(Locale.ROOT));
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
