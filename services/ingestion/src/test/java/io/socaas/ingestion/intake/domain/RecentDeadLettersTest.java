package io.socaas.ingestion.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.socaas.events.TenantId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RecentDeadLettersTest {

    private static final TenantId ACME = TenantId.of("acme");
    private static final TenantId GLOBEX = TenantId.of("globex");
    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    private static RecentDeadLetters.Entry entry(int i) {
        return RecentDeadLetters.Entry.of(
                T0.plusSeconds(i), "reason " + i, ("line " + i).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void keepsEachTenantsLatestNewestFirstAndNeverShowsThemToAnother() {
        RecentDeadLetters recent = new RecentDeadLetters(3, 10);
        for (int i = 0; i < 5; i++) {
            recent.add(ACME, entry(i));
        }
        recent.add(GLOBEX, entry(100));

        assertThat(recent.of(ACME, 10))
                .extracting(RecentDeadLetters.Entry::reason)
                .containsExactly("reason 4", "reason 3", "reason 2");
        assertThat(recent.of(ACME, 1))
                .extracting(RecentDeadLetters.Entry::preview)
                .containsExactly("line 4");
        assertThat(recent.of(GLOBEX, 10))
                .extracting(RecentDeadLetters.Entry::preview)
                .containsExactly("line 100");
        assertThat(recent.of(TenantId.of("initech"), 10)).isEmpty();
    }

    @Test
    void forgetsTheTenantUsedLeastRecentlyBeyondItsBound() {
        RecentDeadLetters recent = new RecentDeadLetters(5, 2);
        recent.add(ACME, entry(1));
        recent.add(GLOBEX, entry(2));
        recent.add(ACME, entry(3));
        recent.add(TenantId.of("initech"), entry(4));

        assertThat(recent.of(GLOBEX, 10)).isEmpty();
        assertThat(recent.of(ACME, 10)).hasSize(2);
        assertThat(recent.of(TenantId.of("initech"), 10)).hasSize(1);
    }

    @Test
    void showsTheStartOfWhatWasReceivedAsTextWithItsWholeSize() {
        byte[] longLine = "x".repeat(10_000).getBytes(StandardCharsets.UTF_8);
        RecentDeadLetters.Entry cut = RecentDeadLetters.Entry.of(T0, "message longer than the limit", longLine);
        assertThat(cut.preview()).hasSize(RecentDeadLetters.PREVIEW_CHARS);
        assertThat(cut.bytes()).isEqualTo(10_000);

        byte[] latin1 = "caf\u00e9 ok".getBytes(StandardCharsets.ISO_8859_1);
        RecentDeadLetters.Entry notUtf8 = RecentDeadLetters.Entry.of(T0, "not UTF-8 text", latin1);
        assertThat(notUtf8.preview()).isEqualTo("caf\uFFFD ok");

        RecentDeadLetters.Entry noReason = RecentDeadLetters.Entry.of(T0, null, null);
        assertThat(noReason.reason()).isEqualTo("unknown");
        assertThat(noReason.bytes()).isZero();
    }
}
