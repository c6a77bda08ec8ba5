package io.socaas.tenantfacts.testing;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * For the services' tests that publish or read a topic themselves: the topic as the service's
 * {@code %test} profile configures it, e.g. {@code configured("mp.messaging.outgoing.alerts.topic")},
 * never a literal live name. A test topic is {@code soc.<name>.test.v1}; a live one fails the test
 * before anything is sent, since a running platform reads the live topics of the same broker.
 */
public final class TestTopics {

    private TestTopics() {}

    /** The topic {@code property} names in the running test profile; fails unless it is a test topic. */
    public static String configured(String property) {
        String topic = ConfigProvider.getConfig().getValue(property, String.class);
        if (!isTestTopic(topic)) {
            throw new IllegalStateException(
                    property + " names the live topic " + topic + " in the test profile; tests use soc.<name>.test.v1");
        }
        return topic;
    }

    /** Whether {@code topic} is one of the tests' own topics ({@code soc.<name>.test.v1}). */
    public static boolean isTestTopic(String topic) {
        return topic.startsWith("soc.") && topic.endsWith(".test.v1");
    }
}
