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
    void rejectsMalformedIds() {
        assertThat(IngestIds.isValid("not-a-ulid")).isFalse();
        assertThat(IngestIds.isValid(null)).isFalse();
    }
}
