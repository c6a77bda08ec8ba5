package io.socaas.events.ocsf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;

/**
 * Events that arrive already as OCSF records (Amazon Security Lake, an OCSF exporter, another
 * OCSF platform): a numeric {@code class_uid} beside a {@code metadata} object with a {@code
 * product} or a {@code version}. Such an event keeps its class and attributes instead of being read
 * as a source's fields.
 *
 * <p>The class is the producer's {@code class_uid} when the shipped schema has a class with that
 * uid and, when the record names its class, that name. Otherwise the class is found by its name:
 * records written to an OCSF version before 1.0 (Security Lake's first one) used other uids for some
 * classes, and "Cloud API" became "API Activity". A record whose class cannot be found either way
 * is not claimed (it is then read as any other JSON event). The activity is the record's {@code
 * activity_id} when the class has it and the record's {@code activity_name}, if any, agrees; else
 * the class's activity of that name; else Other.
 */
final class NativeOcsf {

    /** Class names of OCSF versions before 1.0 that 1.x renamed. */
    private static final Map<String, String> RENAMED_CLASSES = Map.of("cloud api", "api activity");

    private NativeOcsf() {}

    /** How an OCSF record is taken in: its class in the shipped schema and its activity there. */
    record Claim(OcsfClasses.OcsfClass ocsfClass, int activityId, boolean classChanged, boolean activityChanged) {}

    /** The claim on {@code source} as an OCSF record; null when it is not one or its class is unknown. */
    static Claim claim(ObjectNode source, OcsfClasses classes) {
        Integer classUid = integer(source.get("class_uid"));
        if (classUid == null) {
            return null;
        }
        JsonNode metadata = source.get("metadata");
        if (!(metadata instanceof ObjectNode) || !(metadata.has("product") || metadata.has("version"))) {
            return null;
        }
        String className = text(source.get("class_name"));
        OcsfClasses.OcsfClass ocsfClass = classes.get(classUid);
        if (ocsfClass != null && className != null && !ocsfClass.name().equalsIgnoreCase(className)) {
            ocsfClass = null;
        }
        if (ocsfClass == null && className != null) {
            String name = className.strip().toLowerCase(Locale.ROOT);
            ocsfClass = classes.named(RENAMED_CLASSES.getOrDefault(name, name));
        }
        if (ocsfClass == null) {
            return null;
        }
        boolean classChanged = ocsfClass.uid() != classUid;
        Integer activityId = integer(source.get("activity_id"));
        String activityName = text(source.get("activity_name"));
        Integer activity = null;
        if (activityId != null) {
            String known = ocsfClass.activities().get(activityId);
            if (known != null && (activityName == null || known.equalsIgnoreCase(activityName.strip()))) {
                activity = activityId;
            }
        }
        if (activity == null && activityName != null) {
            for (Map.Entry<Integer, String> a : ocsfClass.activities().entrySet()) {
                if (a.getValue().equalsIgnoreCase(activityName.strip())) {
                    activity = a.getKey();
                    break;
                }
            }
        }
        boolean activityChanged = activity == null || !activity.equals(activityId);
        return new Claim(ocsfClass, activity != null ? activity : 99, classChanged, activityChanged);
    }

    /** An integral number, or a text of at most nine digits; else null. */
    static Integer integer(JsonNode value) {
        if (value == null) {
            return null;
        }
        if (value.isIntegralNumber()) {
            return value.canConvertToInt() ? value.intValue() : null;
        }
        if (value.isTextual()) {
            String t = value.textValue().strip();
            if (!t.isEmpty() && t.length() <= 9 && t.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return Integer.parseInt(t);
            }
        }
        return null;
    }

    private static String text(JsonNode value) {
        return value != null && value.isTextual() && !value.textValue().isBlank() ? value.textValue() : null;
    }
}
