package io.socaas.events.ocsf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The OCSF event classes mapping files may name ({@code classes.json}, taken from the OCSF schema):
 * each class's id, category, activities and the attributes it has.
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

    private OcsfClasses(String version, Map<Integer, OcsfClass> classes) {
        this.version = version;
        this.classes = Map.copyOf(classes);
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

    /** The class with {@code uid}, null when mapping files may not name it. */
    public OcsfClass get(int uid) {
        return classes.get(uid);
    }

    public Set<Integer> uids() {
        return new java.util.TreeSet<>(classes.keySet());
    }
}
