package io.socaas.tenants.tenantconfig.domain;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One YAML file of the tenant-config folder, already read into plain Java values ({@code Map},
 * {@code List}, {@code String}, numbers, booleans; {@code null} for an empty file).
 *
 * @param file path relative to the tenant-config folder, e.g. {@code tenants/acme.yaml}
 * @param lines 1-based line of each top-level key ({@code plan}) and of each list entry's id
 *     ({@code id:standard}), so that a problem can name its line
 */
public record ConfigDocument(String file, Object content, Map<String, Integer> lines) {

    private static final Pattern TOP_LEVEL_KEY = Pattern.compile("^([A-Za-z_][A-Za-z0-9_-]*)\\s*:");
    private static final Pattern ENTRY_ID = Pattern.compile("^\\s*-?\\s*id\\s*:\\s*[\"']?([^\"'#\\s]+)");

    public ConfigDocument {
        Objects.requireNonNull(file, "file");
        lines = Map.copyOf(lines);
    }

    public ConfigDocument(String file, Object content) {
        this(file, content, Map.of());
    }

    /** The document with the line numbers of its keys taken from its text. */
    public static ConfigDocument withLines(String file, Object content, String text) {
        Map<String, Integer> lines = new HashMap<>();
        String[] rows = text.split("\n", -1);
        for (int i = 0; i < rows.length; i++) {
            Matcher key = TOP_LEVEL_KEY.matcher(rows[i]);
            if (key.find()) {
                lines.putIfAbsent(key.group(1), i + 1);
            }
            Matcher id = ENTRY_ID.matcher(rows[i]);
            if (id.find()) {
                lines.putIfAbsent("id:" + id.group(1), i + 1);
            }
        }
        return new ConfigDocument(file, content, lines);
    }

    /** The line of a top-level key or an entry id, when known. */
    public Optional<Integer> lineOf(String key) {
        return Optional.ofNullable(lines.get(key));
    }
}
