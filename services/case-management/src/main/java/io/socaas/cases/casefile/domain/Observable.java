package io.socaas.cases.casefile.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A value an alert's events name that an analyst looks up elsewhere: an IP, a user, a host, a
 * domain, a URL, a file hash, an e-mail address or a file.
 *
 * @param type {@code ip}, {@code user}, {@code host}, {@code domain}, {@code url}, {@code hash},
 *     {@code email} or {@code file}
 * @param field the event field it was read from
 */
public record Observable(String type, String value, String field) {

    public static final Set<String> TYPES = Set.of("ip", "user", "host", "domain", "url", "hash", "email", "file");
    static final int MAX_VALUE = 2048;

    public Observable {
        type = type == null ? "" : type.strip().toLowerCase(Locale.ROOT);
        value = value == null ? "" : value.strip();
        field = field == null ? "" : field.strip();
        if (type.equals("hash")) {
            value = value.toLowerCase(Locale.ROOT);
        }
    }

    /** The observable when its type is known and its value fits, else empty (it is dropped). */
    public static Optional<Observable> of(String type, String value, String field) {
        Observable o = new Observable(type, value, field);
        return TYPES.contains(o.type()) && !o.value().isEmpty() && o.value().length() <= MAX_VALUE
                ? Optional.of(o)
                : Optional.empty();
    }

    /** OCSF observable type id (the {@code observable} number of its data type). */
    public int ocsfTypeId() {
        return switch (type) {
            case "host", "domain" -> 1;
            case "ip" -> 2;
            case "user" -> 4;
            case "email" -> 5;
            case "url" -> 6;
            case "file" -> 7;
            case "hash" -> 8;
            default -> 99;
        };
    }
}
