package io.socaas.ingestion.intake.domain;

import io.socaas.events.TenantId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The latest messages of each tenant that were kept on the dead-letter topic instead of becoming
 * events, so that whoever set up a source can see why its messages are missing: at most
 * {@code perTenant} of each tenant, and of at most {@code maxTenants} tenants (the one used least
 * recently is forgotten first). Memory is bounded by both and by the preview's length.
 * Thread-safe.
 */
public final class RecentDeadLetters {

    /** Characters of a dead letter's raw bytes shown. */
    public static final int PREVIEW_CHARS = 2048;

    /**
     * One dead letter.
     *
     * @param time when it was kept
     * @param reason why it could not become an event
     * @param bytes the size of what was received
     * @param preview its start as text (bytes that are not UTF-8 shown as U+FFFD)
     */
    public record Entry(Instant time, String reason, int bytes, String preview) {
        public Entry {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(preview, "preview");
        }

        /** The entry of {@code raw}, kept at {@code time} for {@code reason}. */
        public static Entry of(Instant time, String reason, byte[] raw) {
            byte[] bytes = raw == null ? new byte[0] : raw;
            // at most 4 bytes a character: decoding more than that cannot add to the preview
            int decoded = Math.min(bytes.length, PREVIEW_CHARS * 4);
            String text = new String(bytes, 0, decoded, StandardCharsets.UTF_8);
            if (text.length() > PREVIEW_CHARS) {
                text = text.substring(0, PREVIEW_CHARS);
            }
            return new Entry(time, reason == null ? "unknown" : reason, bytes.length, text);
        }
    }

    private final int perTenant;
    private final Map<TenantId, ArrayDeque<Entry>> byTenant;

    public RecentDeadLetters(int perTenant, int maxTenants) {
        if (perTenant < 1 || maxTenants < 1) {
            throw new IllegalArgumentException("perTenant and maxTenants must be at least 1");
        }
        this.perTenant = perTenant;
        // in order of use: the eldest is the tenant written to (or read) least recently
        this.byTenant = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<TenantId, ArrayDeque<RecentDeadLetters.Entry>> eldest) {
                return size() > maxTenants;
            }
        };
    }

    public synchronized void add(TenantId tenant, Entry entry) {
        ArrayDeque<Entry> entries = byTenant.computeIfAbsent(tenant, t -> new ArrayDeque<>());
        entries.addLast(entry);
        while (entries.size() > perTenant) {
            entries.removeFirst();
        }
    }

    /** The tenant's latest dead letters, newest first, at most {@code limit}; never another tenant's. */
    public synchronized List<Entry> of(TenantId tenant, int limit) {
        ArrayDeque<Entry> entries = byTenant.get(tenant);
        if (entries == null) {
            return List.of();
        }
        List<Entry> latest = new ArrayList<>(Math.min(limit, entries.size()));
        for (Iterator<Entry> it = entries.descendingIterator(); it.hasNext() && latest.size() < limit; ) {
            latest.add(it.next());
        }
        return List.copyOf(latest);
    }
}
