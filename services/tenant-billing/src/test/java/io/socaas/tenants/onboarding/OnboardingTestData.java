package io.socaas.tenants.onboarding;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Onboarding request bodies: a valid one with a fresh tenant id, changed member by member. */
public final class OnboardingTestData {

    private final Map<String, Object> body = new LinkedHashMap<>();

    private OnboardingTestData() {
        String id = newTenantId();
        body.put("id", id);
        body.put("display_name", "Test " + id);
        body.put("plan", "standard");
        body.put("contact_email", "admin@" + id + ".example");
        body.put("time_zone", "Europe/Berlin");
    }

    public static OnboardingTestData aRequest() {
        return new OnboardingTestData();
    }

    /** {@code t-} and 10 random characters: unique per test run, a valid tenant id. */
    public static String newTenantId() {
        return "t-" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    public OnboardingTestData with(String member, Object value) {
        body.put(member, value);
        return this;
    }

    public OnboardingTestData without(String member) {
        body.remove(member);
        return this;
    }

    public String id() {
        return (String) body.get("id");
    }

    public String contactEmail() {
        return (String) body.get("contact_email");
    }

    public Map<String, Object> build() {
        return new LinkedHashMap<>(body);
    }
}
