package io.socaas.correlation.sigma.domain;

import java.util.Locale;
import java.util.Map;

/**
 * A Sigma logsource: product, category and service, each absent ({@code null}) when not stated.
 * Values are kept in lower case.
 */
public record Logsource(String product, String category, String service) {

    /** The logsource that states nothing (a rule with it sees every classified event). */
    public static final Logsource ANY = new Logsource(null, null, null);

    public Logsource {
        product = norm(product);
        category = norm(category);
        service = norm(service);
    }

    /** The logsource of a rule's {@code logsource} map. */
    public static Logsource of(Map<String, String> logsource) {
        return new Logsource(logsource.get("product"), logsource.get("category"), logsource.get("service"));
    }

    /**
     * True when an event of {@code event}'s logsource is one this logsource asks for: every part
     * stated here is stated there with the same value.
     */
    public boolean covers(Logsource event) {
        return (product == null || product.equals(event.product))
                && (category == null || category.equals(event.category))
                && (service == null || service.equals(event.service));
    }

    private static String norm(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.trim().toLowerCase(Locale.ROOT);
        return trimmed.isEmpty() ? null : trimmed;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (product != null) {
            sb.append("product=").append(product);
        }
        if (category != null) {
            sb.append(sb.isEmpty() ? "" : " ").append("category=").append(category);
        }
        if (service != null) {
            sb.append(sb.isEmpty() ? "" : " ").append("service=").append(service);
        }
        return sb.isEmpty() ? "any" : sb.toString();
    }
}
