package io.socaas.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class IngestIdsTest {

    @Test
    void issuesValidUlidsThatSortInIssueOrder() {
        List<String> ids =
                IntStream.range(0, 5_000).mapToObj(i -> IngestIds.next()).toList();

        assertThat(ids).allMatch(IngestIds::isValid).allMatch(id -> id.length() == 26);
        assertThat(ids).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void idsIssuedOnManyThreadsAtOnceNeverRepeat() throws Exception {
        // the receiver's workers take ids concurrently, many within one millisecond
        int threads = 8;
        int perThread = 20_000;
        java.util.Set<String> ids = java.util.concurrent.ConcurrentHashMap.newKeySet();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(threads)) {
            List<java.util.concurrent.Future<?>> done = IntStream.range(0, threads)
                    .<java.util.concurrent.Future<?>>mapToObj(t -> pool.submit(() -> {
                        for (int i = 0; i < perThread; i++) {
                            ids.add(IngestIds.next());
                        }
                    }))
                    .toList();
            for (var f : done) {
                f.get();
            }
        }
        assertThat(ids).hasSize(threads * perThread);
    }

    @Test
    void rejectsMalformedIds() {
        assertThat(IngestIds.isValid("not-a-ulid")).isFalse();
        assertThat(IngestIds.isValid(null)).isFalse();
    }
}
