package io.socaas.correlation.rules.domain;

/**
 * A rule file, pack or tenant entry that could not be used.
 *
 * @param location file or entry concerned (e.g. {@code rules/windows-core/x.yml})
 * @param reason why, in words an operator can act on
 */
public record RuleLoadFailure(String location, String reason) {}
