package io.socaas.correlation.multievent.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.socaas.correlation.sigma.domain.CorrelationRule;
import io.socaas.correlation.sigma.yaml.SigmaYamlReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What one group may hold, however noisy its source. */
class CorrelationEngineBoundsTest {

    private static final long T0 = 1_764_000_000_000L;
    private static final long GRACE = 60_000;

    private static final CorrelationRule SPRAYING =
            SigmaYamlReader.readFile("""
                    title: Password spraying
                    id: 0b7d4f7e-7a39-4c55-9f64-0f1f0c0a0001
                    correlation:
                        type: value_count
                        rules:
                            - failed_logon
                        group-by:
                            - IpAddress
                        timespan: 30m
                        condition:
                            field: TargetUserName
                            gte: 10
                    """).correlations().getFirst();

    private int seq;

    private GroupState.Entry failure(long time, String user) {
        return new GroupState.Entry(time, "failed_logon", user, List.of("01JNXBOUND" + (++seq)));
    }

    @Test
    void aSourceFailingOneAccountThousandsOfTimesKeepsTheGroupBoundedAndSprayingStillFires() {
        GroupState state = GroupState.EMPTY;
        // 5,000 failures of one account in ten minutes: one distinct user, never spraying
        for (int i = 0; i < 5_000; i++) {
            long time = T0 + i * 120L;
            CorrelationEngine.Outcome outcome =
                    CorrelationEngine.onMatch(SPRAYING, state, failure(time, "erin"), time, GRACE);
            assertThat(outcome.firings()).isEmpty();
            state = outcome.state();
        }
        assertThat(state.entries()).hasSize(CorrelationEngine.MAX_MATCHES_PER_GROUP);
        // the newest are kept
        assertThat(state.entries().getLast().timeMs()).isEqualTo(T0 + 4_999 * 120L);

        // then nine more accounts from the same source: spraying, within the same window
        List<CorrelationEngine.Firing> firings = List.of();
        long time = T0 + 5_000 * 120L;
        for (int user = 1; user <= 9; user++) {
            CorrelationEngine.Outcome outcome =
                    CorrelationEngine.onMatch(SPRAYING, state, failure(time + user, "user" + user), time + user, GRACE);
            state = outcome.state();
            firings = outcome.firings();
        }
        assertThat(firings)
                .singleElement()
                .satisfies(firing -> assertThat(firing.measure()).isEqualTo(10.0));
    }
}
