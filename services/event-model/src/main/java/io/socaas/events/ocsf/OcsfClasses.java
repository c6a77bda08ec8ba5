package io.socaas.events.ocsf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The OCSF event classes ({@code classes.json}: every class of the OCSF schema, extensions included):
 * each class's id, category, activities and the attributes it has. Mapping files name them, and
 * records that arrive as OCSF keep theirs.
 */
public final class OcsfClasses {

    /** One OCSF event class. */
    public record OcsfClass(
            int uid,
            String name,
            int categoryUid,
            String categoryName,
            Map<Integer, String> activities,
            Set<String> attributes) {
        public OcsfClass {
            activities = Map.copyOf(activities);
            attributes = Set.copyOf(attributes);
        }

        /** OCSF {@code type_uid}: class_uid * 100 + activity_id. */
        public long typeUid(int activityId) {
            return uid * 100L + activityId;
        }
    }

    public static final String RESOURCE = "/io/socaas/events/ocsf/classes.json";

    private final String version;
    private final Map<Integer, OcsfClass> classes;
    private final Map<String, OcsfClass> byName = new HashMap<>();

    private OcsfClasses(String version, Map<Integer, OcsfClass> classes) {
        this.version = version;
        this.classes = Map.copyOf(classes);
        classes.values().forEach(c -> byName.put(c.name().toLowerCase(Locale.ROOT), c));
    }

    /** The classes shipped with this module. */
    public static OcsfClasses load() {
        try (InputStream in = OcsfClasses.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            JsonNode root = new ObjectMapper().readTree(in);
            Map<Integer, OcsfClass> classes = new HashMap<>();
            for (JsonNode c : root.get("classes")) {
                Map<Integer, String> activities = new TreeMap<>();
                c.get("activities")
                        .properties()
                        .forEach(e -> activities.put(
                                Integer.parseInt(e.getKey()), e.getValue().asText()));
                Set<String> attributes = new HashSet<>();
                c.get("attributes").forEach(a -> attributes.add(a.asText()));
                OcsfClass ocsf = new OcsfClass(
                        c.get("class_uid").asInt(),
                        c.get("name").asText(),
                        c.get("category_uid").asInt(),
                        c.get("category_name").asText(),
                        activities,
                        attributes);
                classes.put(ocsf.uid(), ocsf);
            }
            return new OcsfClasses(root.get("ocsf_version").asText(), classes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** The OCSF schema version the classes come from (metadata.version of every record). */
    public String version() {
        return version;
    }

    /** The class with {@code uid}, null when the schema has none. */
    public OcsfClass get(int uid) {
        return classes.get(uid);
    }

    /** The class named {@code lowerCaseName} (its name in lower case), null when there is none. */
    public OcsfClass named(String lowerCaseName) {
        return byName.get(lowerCaseName);
    }

    public Set<Integer> uids() {
        return new java.util.TreeSet<>(classes.keySet());
    }
}
