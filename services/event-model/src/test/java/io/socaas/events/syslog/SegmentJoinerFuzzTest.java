package io.socaas.events.syslog;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of joining segmented messages. The seeds under {@code
 * SegmentJoinerFuzzTestInputs/} run in every build; {@code JAZZER_FUZZ=1} fuzzes.
 */
class SegmentJoinerFuzzTest {

    private static final int BOUND = 2048;

    /**
     * Any lines, each a frame from one of two sources, a quarter of a second apart: no exception,
     * the bytes held within the bound after every frame, no message longer than the limit (or than
     * the longest frame, which is never cut), and every frame given back exactly once (at the
     * latest when flushed).
     */
    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void anyFramesAreGivenBackOnceWithinTheBound(byte[] bytes) {
        SegmentJoiner<Integer> joiner = new SegmentJoiner<>(512, BOUND, BOUND / 2, 1_000_000_000L);
        Map<Integer, Integer> givenBack = new HashMap<>();
        int frames = 0;
        int longest = 512;
        long now = 0;
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i < bytes.length && bytes[i] != '\n') {
                continue;
            }
            byte[] frame = Arrays.copyOfRange(bytes, start, i);
            start = i + 1;
            longest = Math.max(longest, frame.length);
            now += 250_000_000L;
            List<SegmentJoiner.Message<Integer>> out =
                    new ArrayList<>(joiner.accept(frames % 3 == 2 ? "b" : "a", frame, frames, now));
            out.addAll(joiner.expired(now));
            frames++;
            for (SegmentJoiner.Message<Integer> m : out) {
                assertThat(m.bytes().length).isLessThanOrEqualTo(longest);
                m.parts().forEach(p -> givenBack.merge(p, 1, Integer::sum));
            }
            assertThat(joiner.heldBytes()).isBetween(0L, (long) BOUND);
        }
        joiner.flush("end").forEach(m -> m.parts().forEach(p -> givenBack.merge(p, 1, Integer::sum)));
        assertThat(givenBack).hasSize(frames);
        assertThat(givenBack.values()).allMatch(times -> times == 1);
        assertThat(joiner.heldMessages()).isZero();
    }
}
