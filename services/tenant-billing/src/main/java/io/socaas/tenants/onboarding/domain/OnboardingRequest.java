package io.socaas.tenants.onboarding.domain;

/** What a caller asks to onboard, as sent (not yet validated). */
public record OnboardingRequest(String id, String displayName, String plan, String contactEmail, String timeZone) {}
