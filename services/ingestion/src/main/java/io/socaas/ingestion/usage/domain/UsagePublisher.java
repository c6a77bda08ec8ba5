package io.socaas.ingestion.usage.domain;

import java.util.List;

/** Port: hands usage records to the bus ({@code soc.usage.v1}). */
public interface UsagePublisher {

    /**
     * Sends every record and waits for the bus to acknowledge them.
     *
     * @return the records the bus did not acknowledge (empty when all went through)
     */
    List<MinuteUsage> publish(List<MinuteUsage> usage);
}
