package io.socaas.events.ocsf;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * A source event's fields as the mapping files read them ({@link SourceFields}), for the tests of
 * other modules that must read events as normalization does (detection's cross-check of the Windows
 * shapes). Part of the test jar.
 */
public final class NormalizationFieldReader {

    private final SourceFields fields;
    private final ObjectNode event;

    public NormalizationFieldReader(ObjectNode event) {
        this.event = event;
        this.fields = new SourceFields(event);
    }

    /** The text of a field as mapping files compare it (numbers without a fraction as integers); null when absent. */
    public String text(String name) {
        return fields.text(name);
    }

    /** The event's Windows names, in whichever shapes it is in. */
    public Set<String> windowsNames() {
        return WindowsShapes.of(event).fields().keySet();
    }
}
