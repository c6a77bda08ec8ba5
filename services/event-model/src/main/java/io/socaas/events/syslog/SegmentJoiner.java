package io.socaas.events.syslog;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts back together the messages Cisco ISE and Cisco Secure ACS split into several syslog
 * messages. A remote logging target has a maximum message length (ISE's default is 1024); a longer
 * message goes out as segments, each with the same header: the category ({@code CISE_<name>},
 * ACS 5 {@code CSCOacs_<name>}), the message id (up to 10 digits), the number of segments and the
 * segment's number from 0, then its text. The first segment holds the time, code, class and the
 * first attributes; the others continue the attribute list where it was cut (between two
 * attributes, rarely inside a value). Joined, a message is the first segment's frame with the texts
 * of the others appended in order, byte for byte: what ISE would have sent unsplit, its header still
 * counting the segments.
 *
 * <p>Segments belong together when they came from the same source (a connection; over UDP the
 * sender's address, which the caller names) and have the same host (the header's), category,
 * message id and count. A message is given out as soon as its last segment is in. One that stays
 * incomplete is given out with what came of it, joined in order and with its {@link Gap} (which
 * numbers are missing, and why), after {@code waitNanos} ({@link #expired}), when the segments held
 * pass their bound (the oldest message first), when a segment with the same number but other text
 * arrives (a new message reusing the id), when its segments would pass {@code maxMessageBytes},
 * or when the caller {@linkplain #flush flushes} (the connection ends). Nothing is dropped but a
 * segment received twice with the same text, which becomes a part of the message it repeats. A
 * message that is not split (a count of 1), is no segment or claims more than {@value #MAX_SEGMENTS}
 * segments, or a number beyond its count, passes as it came.
 *
 * <p>Each frame carries a part of the caller's own (a RELP transaction number), given back with
 * the message it became a part of, so that the caller can answer for it once the message is
 * durable. Bounded: at most {@code maxHeldBytes} held in all and {@code maxHeldPerSource} per
 * source. Pure (the caller passes its clock) and not thread-safe: one per connection or UDP socket.
 *
 * @param <T> what the caller attaches to each frame
 */
public final class SegmentJoiner<T> {

    /** Why a message was given out without all of its segments, and which did not come. */
    public record Gap(int segments, List<Integer> missing, String reason) {
        public Gap {
            missing = List.copyOf(missing);
        }

        /** The missing segments' numbers, comma-separated ({@code 1,3}). */
        public String missingList() {
            StringBuilder s = new StringBuilder();
            for (int n : missing) {
                if (!s.isEmpty()) {
                    s.append(',');
                }
                s.append(n);
            }
            return s.toString();
        }

        @Override
        public String toString() {
            return "segments " + missingList() + " of " + segments + " missing: " + reason;
        }
    }

    /**
     * A message to normalize: one that passed as it came ({@code segments} 1), or one put together
     * from {@code segments} segments, with its {@link Gap} when not all came.
     *
     * @param parts what the caller attached to each frame that is part of it, in the order received
     */
    public record Message<T>(byte[] bytes, List<T> parts, int segments, Gap gap) {

        /** A message as it came, not joined. */
        public static <T> Message<T> whole(byte[] bytes, T part) {
            return new Message<>(bytes, Collections.singletonList(part), 1, null);
        }

        /** Whether it was put together from segments (completely or not). */
        public boolean joined() {
            return segments > 1;
        }
    }

    /** The header of one segment and where its text starts. */
    record Segment(String host, String category, long id, int count, int number, int text) {}

    /** Most segments a message may have; a frame claiming more passes as it came. */
    public static final int MAX_SEGMENTS = 128;

    /** The category is looked for in the first bytes of a frame (the syslog header and the structured data). */
    private static final int SCAN = 1024;

    /** What a held segment costs besides its bytes. */
    private static final int OVERHEAD = 64;

    private static final byte[][] CATEGORY_PREFIXES = {
        "CISE_".getBytes(StandardCharsets.US_ASCII), "CSCOacs_".getBytes(StandardCharsets.US_ASCII)
    };

    private final int maxMessageBytes;
    private final long maxHeldBytes;
    private final long maxHeldPerSource;
    private final long waitNanos;
    /** Insertion order: the message whose first segment came first is first. */
    private final Map<Key, Partial<T>> partials = new LinkedHashMap<>();

    private final Map<String, Long> heldBySource = new HashMap<>();
    private long heldBytes;

    /**
     * @param maxMessageBytes longest a joined message may grow
     * @param maxHeldBytes most bytes held for incomplete messages in all
     * @param maxHeldPerSource most bytes held for the incomplete messages of one source
     * @param waitNanos how long the segments of a message may take to come, from its first
     */
    public SegmentJoiner(int maxMessageBytes, long maxHeldBytes, long maxHeldPerSource, long waitNanos) {
        if (maxMessageBytes < 1 || maxHeldBytes < 1 || maxHeldPerSource < 1 || waitNanos < 1) {
            throw new IllegalArgumentException("bounds must be positive");
        }
        this.maxMessageBytes = maxMessageBytes;
        this.maxHeldBytes = maxHeldBytes;
        this.maxHeldPerSource = maxHeldPerSource;
        this.waitNanos = waitNanos;
    }

    /**
     * @param source where it came from (segments of different sources never mix)
     * @param frame one syslog message as framed
     * @param part the caller's own, given back with the message the frame becomes a part of
     * @param nowNanos a monotonic clock ({@link System#nanoTime()})
     * @return the messages given out now, in order: the frame itself when it is no segment of a
     *     longer message, its message once complete, messages given up to make room or because a
     *     new message took their id; empty while it waits for more
     */
    public List<Message<T>> accept(String source, byte[] frame, T part, long nowNanos) {
        Segment s = segment(frame);
        if (s == null) {
            return List.of(Message.whole(frame, part));
        }
        List<Message<T>> out = new ArrayList<>(1);
        Key key = new Key(source, s.host(), s.category(), s.id());
        Partial<T> p = partials.get(key);
        if (p != null && p.frames.length != s.count()) {
            out.add(take(key, p, "another message with the same id arrived"));
            p = null;
        } else if (p != null && p.frames[s.number()] != null) {
            byte[] held = p.frames[s.number()];
            if (Arrays.equals(held, p.texts[s.number()], held.length, frame, s.text(), frame.length)) {
                p.parts.add(part); // the same segment again: answered with the message it repeats
                return out;
            }
            out.add(take(key, p, "another message with the same id arrived"));
            p = null;
        } else if (p != null && p.sizeWith(s.number(), frame, s.text()) > maxMessageBytes) {
            out.add(take(key, p, "its segments pass the limit of " + maxMessageBytes + " bytes"));
            p = null;
        }
        if (p == null) {
            p = new Partial<>(source, s.count(), nowNanos);
            partials.put(key, p);
        }
        p.add(s.number(), frame, s.text(), part);
        hold(source, frame.length + OVERHEAD);
        if (p.received == p.frames.length) {
            out.add(take(key, p, null));
        }
        out.addAll(withinBounds(source));
        return out;
    }

    /**
     * The messages whose segments did not all come within the wait, given out now with what came
     * of them (oldest first).
     */
    public List<Message<T>> expired(long nowNanos) {
        List<Message<T>> out = new ArrayList<>(0);
        for (Iterator<Map.Entry<Key, Partial<T>>> it = partials.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Key, Partial<T>> e = it.next();
            Partial<T> p = e.getValue();
            if (nowNanos - p.firstNanos < waitNanos) {
                break; // insertion order: the rest came later
            }
            it.remove();
            out.add(message(
                    p, "not all " + p.frames.length + " segments came within " + waitNanos / 1_000_000 + " ms"));
        }
        return out;
    }

    /** Every message still waiting for segments, given out now with what came of it (oldest first). */
    public List<Message<T>> flush(String reason) {
        List<Message<T>> out = new ArrayList<>(partials.size());
        for (Partial<T> p : partials.values()) {
            out.add(message(p, reason));
        }
        partials.clear();
        heldBySource.clear();
        heldBytes = 0;
        return out;
    }

    /**
     * How long until the oldest incomplete message is due ({@link #expired}): 0 when it is,
     * {@link Long#MAX_VALUE} when none is held.
     */
    public long nanosUntilDue(long nowNanos) {
        Iterator<Partial<T>> first = partials.values().iterator();
        if (!first.hasNext()) {
            return Long.MAX_VALUE;
        }
        return Math.max(0, first.next().firstNanos + waitNanos - nowNanos);
    }

    /** Bytes held for incomplete messages (with a small overhead per segment). */
    public long heldBytes() {
        return heldBytes;
    }

    /** Incomplete messages held. */
    public int heldMessages() {
        return partials.size();
    }

    private void hold(String source, long bytes) {
        heldBytes += bytes;
        heldBySource.merge(source, bytes, Long::sum);
    }

    /** Gives up the oldest messages of the source, then the oldest of all, until both bounds hold. */
    private List<Message<T>> withinBounds(String source) {
        List<Message<T>> out = new ArrayList<>(0);
        for (Iterator<Map.Entry<Key, Partial<T>>> it = partials.entrySet().iterator();
                it.hasNext() && heldBySource.getOrDefault(source, 0L) > maxHeldPerSource; ) {
            Map.Entry<Key, Partial<T>> e = it.next();
            if (e.getValue().source.equals(source)) {
                it.remove();
                out.add(message(
                        e.getValue(),
                        "the segments held for its source passed their bound of " + maxHeldPerSource + " bytes"));
            }
        }
        for (Iterator<Map.Entry<Key, Partial<T>>> it = partials.entrySet().iterator();
                it.hasNext() && heldBytes > maxHeldBytes; ) {
            Map.Entry<Key, Partial<T>> e = it.next();
            it.remove();
            out.add(message(e.getValue(), "the segments held passed their bound of " + maxHeldBytes + " bytes"));
        }
        return out;
    }

    private Message<T> take(Key key, Partial<T> p, String reason) {
        partials.remove(key);
        return message(p, reason);
    }

    /** The message of a partial taken out of {@link #partials}: its bytes are no longer held. */
    private Message<T> message(Partial<T> p, String reason) {
        heldBytes -= p.held;
        long left = heldBySource.getOrDefault(p.source, 0L) - p.held;
        if (left > 0) {
            heldBySource.put(p.source, left);
        } else {
            heldBySource.remove(p.source);
        }
        List<Integer> missing = new ArrayList<>(0);
        for (int i = 0; i < p.frames.length; i++) {
            if (p.frames[i] == null) {
                missing.add(i);
            }
        }
        Gap gap = missing.isEmpty() ? null : new Gap(p.frames.length, missing, reason);
        return new Message<>(p.joined(), Collections.unmodifiableList(p.parts), p.frames.length, gap);
    }

    // ---- the segment header ----

    /**
     * The segment header of a frame: the first {@code CISE_} or {@code CSCOacs_} category (at the
     * start or after a space or the priority) within the first {@value #SCAN} bytes that is
     * followed by {@code <id> <count> <number>} (directly, or after RFC 5424's PROCID, MSGID and
     * STRUCTURED-DATA when it is the APP-NAME), with a count from 2 to {@value #MAX_SEGMENTS} and a
     * number below it; null otherwise (the frame passes as it came).
     */
    static Segment segment(byte[] f) {
        int limit = Math.min(f.length, SCAN);
        for (int at = category(f, 0, limit); at >= 0; at = category(f, at + 1, limit)) {
            Segment s = segmentAt(f, at);
            if (s != null) {
                return s;
            }
        }
        return null;
    }

    private static int category(byte[] f, int from, int limit) {
        for (int i = from; i < limit; i++) {
            if (f[i] != 'C' || (i > 0 && f[i - 1] != ' ' && f[i - 1] != '>' && f[i - 1] != '\t')) {
                continue;
            }
            for (byte[] prefix : CATEGORY_PREFIXES) {
                if (startsWith(f, i, prefix)) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static Segment segmentAt(byte[] f, int at) {
        int p = at;
        while (p < f.length && isNameChar(f[p])) {
            p++;
        }
        int categoryEnd = p;
        if (f[categoryEnd - 1] == '_') {
            return null; // a prefix without a name
        }
        if (p < f.length && f[p] == ':') {
            p++; // written as a tag
        }
        if (p >= f.length || f[p] != ' ') {
            return null;
        }
        p++;
        long[] header = new long[4];
        if (!counts(f, p, header) && !counts(f, afterRfc5424Fields(f, p), header)) {
            return null;
        }
        int count = (int) header[1];
        int number = (int) header[2];
        if (count < 2 || count > MAX_SEGMENTS || number >= count) {
            return null;
        }
        return new Segment(
                host(f, at),
                new String(f, at, categoryEnd - at, StandardCharsets.US_ASCII),
                header[0],
                count,
                number,
                (int) header[3]);
    }

    /**
     * {@code <id> SP <count> SP <number>} then a space or the end, at {@code p}: the three numbers and
     * where the text starts into {@code out}.
     */
    private static boolean counts(byte[] f, int p, long[] out) {
        if (p < 0) {
            return false;
        }
        int[] maxDigits = {10, 3, 3};
        for (int n = 0; n < 3; n++) {
            int start = p;
            long value = 0;
            while (p < f.length && f[p] >= '0' && f[p] <= '9' && p - start < maxDigits[n]) {
                value = value * 10 + (f[p] - '0');
                p++;
            }
            if (p == start) {
                return false;
            }
            out[n] = value;
            if (p == f.length && n == 2) {
                out[3] = p; // a segment without text
                return true;
            }
            if (p >= f.length || f[p] != ' ') {
                return false;
            }
            p++;
        }
        out[3] = p;
        return true;
    }

    /**
     * Where the MSG starts when the category is an RFC 5424 APP-NAME (the frame starts with {@code
     * <PRI>1 }): after PROCID, MSGID and STRUCTURED-DATA; -1 when that is not what follows.
     */
    private static int afterRfc5424Fields(byte[] f, int p) {
        if (!isRfc5424(f)) {
            return -1;
        }
        for (int field = 0; field < 2; field++) {
            int start = p;
            while (p < f.length && f[p] != ' ') {
                p++;
            }
            if (p == start || p >= f.length) {
                return -1;
            }
            p++;
        }
        if (p < f.length && f[p] == '-') {
            p++;
        } else {
            if (p >= f.length || f[p] != '[') {
                return -1;
            }
            while (p < f.length && f[p] == '[') {
                boolean quoted = false;
                p++;
                while (p < f.length && (quoted || f[p] != ']')) {
                    if (quoted && f[p] == '\\') {
                        p++;
                    } else if (f[p] == '"') {
                        quoted = !quoted;
                    }
                    p++;
                }
                if (p >= f.length) {
                    return -1;
                }
                p++; // the ']'
            }
        }
        return p < f.length && f[p] == ' ' ? p + 1 : -1;
    }

    private static boolean isRfc5424(byte[] f) {
        if (f.length < 4 || f[0] != '<') {
            return false;
        }
        int p = 1;
        while (p < f.length && p <= 4 && f[p] >= '0' && f[p] <= '9') {
            p++;
        }
        return p > 1 && p + 2 < f.length && f[p] == '>' && f[p + 1] == '1' && f[p + 2] == ' ';
    }

    /**
     * The word before the category: the header's host (RFC 3164 and 5424); empty when that word is
     * the time of a header without a host, which may differ from segment to segment.
     */
    private static String host(byte[] f, int at) {
        int end = at;
        while (end > 0 && (f[end - 1] == ' ' || f[end - 1] == '\t')) {
            end--;
        }
        int start = end;
        while (start > 0 && f[start - 1] != ' ' && f[start - 1] != '\t' && f[start - 1] != '>') {
            start--;
        }
        boolean time = start < end;
        boolean colon = false;
        for (int i = start; i < end && time; i++) {
            colon |= f[i] == ':';
            time = (f[i] >= '0' && f[i] <= '9') || f[i] == ':' || f[i] == '.';
        }
        if (start == end || (time && colon)) {
            return "";
        }
        return new String(f, start, end - start, StandardCharsets.UTF_8);
    }

    private static boolean isNameChar(byte b) {
        return (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || b == '_';
    }

    private static boolean startsWith(byte[] f, int at, byte[] prefix) {
        return f.length - at >= prefix.length && Arrays.equals(f, at, at + prefix.length, prefix, 0, prefix.length);
    }

    /** What makes segments one message's. */
    private record Key(String source, String host, String category, long id) {}

    /** The segments of one message received so far. */
    private static final class Partial<T> {
        final String source;
        final byte[][] frames;
        final int[] texts;
        final long firstNanos;
        final List<T> parts = new ArrayList<>(4);
        int received;
        /** Bytes of the segments' texts. */
        long textBytes;
        /** Bytes counted against the bounds. */
        long held;

        Partial(String source, int count, long firstNanos) {
            this.source = source;
            this.frames = new byte[count][];
            this.texts = new int[count];
            this.firstNanos = firstNanos;
        }

        void add(int number, byte[] frame, int text, T part) {
            frames[number] = frame;
            texts[number] = text;
            parts.add(part);
            received++;
            textBytes += frame.length - text;
            held += frame.length + OVERHEAD;
        }

        /** How long the joined message would be with this segment too. */
        long sizeWith(int number, byte[] frame, int text) {
            int lowest = 0;
            while (lowest < frames.length && frames[lowest] == null) {
                lowest++;
            }
            int header = number < lowest ? text : texts[lowest];
            return header + textBytes + frame.length - text;
        }

        /** The first segment received whole, the texts of the later ones appended in order. */
        byte[] joined() {
            ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(Integer.MAX_VALUE, textBytes + 256));
            boolean first = true;
            for (int i = 0; i < frames.length; i++) {
                byte[] f = frames[i];
                if (f == null) {
                    continue;
                }
                if (first) {
                    out.writeBytes(f);
                    first = false;
                } else {
                    out.write(f, texts[i], f.length - texts[i]);
                }
            }
            return out.toByteArray();
        }
    }
}
