package io.socaas.events;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds events for tests: {@code anEvent().with("EventID", 4625).build()}. */
final class EventTestData {

    private final ObjectNode json = JsonNodeFactory.instance.objectNode();

    private EventTestData() {}

    /** A Windows failed-logon event with a few typical fields. */
    static EventTestData anEvent() {
        return new EventTestData()
                .with("EventID", 4625)
                .with("Channel", "Security")
                .with("TargetUserName", "administrator");
    }

    static EventTestData anEmptyEvent() {
        return new EventTestData();
    }

    EventTestData with(String field, String value) {
        json.put(field, value);
        return this;
    }

    EventTestData with(String field, int value) {
        json.put(field, value);
        return this;
    }

    EventTestData withObject(String field, String innerField, String innerValue) {
        json.putObject(field).put(innerField, innerValue);
        return this;
    }

    JsonEvent build() {
        return JsonEvent.of(json);
    }
}
