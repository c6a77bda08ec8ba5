package io.socaas.correlation.intel.feeds;

import io.socaas.correlation.intel.domain.FeedSource;
import io.socaas.correlation.intel.domain.Indicator;
import io.socaas.correlation.intel.domain.IndicatorType;
import io.socaas.correlation.intel.domain.InvalidIndicatorException;
import io.socaas.correlation.intel.domain.ParsedFeed;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads CSV (RFC 4180 quoting, comma separated) whose first line that is not a comment is a header
 * naming the columns: {@code type} and {@code value} required, {@code confidence}, {@code
 * first_seen}, {@code last_seen}, {@code valid_until}, {@code description} and {@code id} optional,
 * in any order (others are ignored). Types: {@code ip}, {@code ipv4}, {@code ipv6}, {@code cidr},
 * {@code ip-src}, {@code ip-dst}, {@code domain}, {@code hostname}, {@code url}, {@code md5}, {@code
 * sha1}, {@code sha256}, {@code sha512}, {@code hash}. Lines starting with {@code #} and blank lines
 * are skipped; a line that cannot be read is reported as {@code line N} and skipped.
 */
public final class CsvIndicatorParser {

    static final Map<String, IndicatorType> TYPES = Map.ofEntries(
            Map.entry("ip", IndicatorType.IP),
            Map.entry("ipv4", IndicatorType.IP),
            Map.entry("ipv6", IndicatorType.IP),
            Map.entry("ipv4-addr", IndicatorType.IP),
            Map.entry("ipv6-addr", IndicatorType.IP),
            Map.entry("cidr", IndicatorType.IP),
            Map.entry("ip-src", IndicatorType.IP),
            Map.entry("ip-dst", IndicatorType.IP),
            Map.entry("domain", IndicatorType.DOMAIN),
            Map.entry("domain-name", IndicatorType.DOMAIN),
            Map.entry("hostname", IndicatorType.DOMAIN),
            Map.entry("url", IndicatorType.URL),
            Map.entry("md5", IndicatorType.FILE_HASH),
            Map.entry("sha1", IndicatorType.FILE_HASH),
            Map.entry("sha-1", IndicatorType.FILE_HASH),
            Map.entry("sha256", IndicatorType.FILE_HASH),
            Map.entry("sha-256", IndicatorType.FILE_HASH),
            Map.entry("sha512", IndicatorType.FILE_HASH),
            Map.entry("sha-512", IndicatorType.FILE_HASH),
            Map.entry("hash", IndicatorType.FILE_HASH),
            Map.entry("file_hash", IndicatorType.FILE_HASH));

    private CsvIndicatorParser() {}

    public static ParsedFeed parse(String text, FeedSource source) {
        List<Indicator> indicators = new ArrayList<>();
        List<ParsedFeed.Problem> problems = new ArrayList<>();
        Map<String, Integer> columns = null;
        String[] lines = text.split("\r?\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            String location = "line " + (n + 1);
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            List<String> cells;
            try {
                cells = cells(line);
            } catch (InvalidIndicatorException e) {
                if (columns == null) {
                    return ParsedFeed.unreadable(location, "header: " + e.getMessage());
                }
                problems.add(new ParsedFeed.Problem(location, e.getMessage()));
                continue;
            }
            if (columns == null) {
                columns = new HashMap<>();
                for (int i = 0; i < cells.size(); i++) {
                    columns.putIfAbsent(cells.get(i).strip().toLowerCase(Locale.ROOT), i);
                }
                if (!columns.containsKey("type") || !columns.containsKey("value")) {
                    return ParsedFeed.unreadable(location, "the header must name the columns type and value");
                }
                continue;
            }
            try {
                indicators.add(indicator(cells, columns, source, location));
            } catch (InvalidIndicatorException e) {
                problems.add(new ParsedFeed.Problem(location, e.getMessage()));
            }
        }
        if (columns == null) {
            return ParsedFeed.unreadable("line 1", "no header line naming the columns type and value");
        }
        return new ParsedFeed(indicators, problems);
    }

    private static Indicator indicator(
            List<String> cells, Map<String, Integer> columns, FeedSource source, String location) {
        String typeName = cell(cells, columns, "type").toLowerCase(Locale.ROOT);
        IndicatorType type = TYPES.get(typeName);
        if (type == null) {
            throw new InvalidIndicatorException("unknown type '" + typeName + "'");
        }
        String id = cell(cells, columns, "id");
        return Indicator.of(
                type,
                cell(cells, columns, "value"),
                source.feed(),
                FeedTimes.confidence(cell(cells, columns, "confidence"), source.defaultConfidence()),
                FeedTimes.parse("first_seen", cell(cells, columns, "first_seen")),
                FeedTimes.parse("last_seen", cell(cells, columns, "last_seen")),
                FeedTimes.parse("valid_until", cell(cells, columns, "valid_until")),
                id.isEmpty() ? location : id,
                cell(cells, columns, "description"));
    }

    private static String cell(List<String> cells, Map<String, Integer> columns, String name) {
        Integer index = columns.get(name);
        return index == null || index >= cells.size() ? "" : cells.get(index).strip();
    }

    /** The cells of one line: comma separated, a quoted cell may hold commas and doubled quotes. */
    static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int i = 0;
        while (true) {
            if (i < line.length() && line.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= line.length()) {
                        throw new InvalidIndicatorException("unterminated quoted cell");
                    }
                    char c = line.charAt(i++);
                    if (c == '"') {
                        if (i < line.length() && line.charAt(i) == '"') {
                            cell.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        cell.append(c);
                    }
                }
                if (i < line.length() && line.charAt(i) != ',') {
                    throw new InvalidIndicatorException("text after a quoted cell");
                }
            } else {
                while (i < line.length() && line.charAt(i) != ',') {
                    cell.append(line.charAt(i++));
                }
            }
            cells.add(cell.toString());
            cell.setLength(0);
            if (i >= line.length()) {
                return cells;
            }
            i++; // the comma
        }
    }
}
