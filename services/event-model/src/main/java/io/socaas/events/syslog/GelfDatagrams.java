package io.socaas.events.syslog;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;

/**
 * Reads GELF datagrams (Graylog Extended Log Format over UDP, as Docker's {@code gelf} log driver,
 * Graylog sidecars and GELF appenders send them): a message compressed with gzip or zlib is
 * inflated, a chunked message ({@code 0x1e 0x0f}, a message id of 8 bytes, the chunk's number and
 * the count, at most 128) is put together once all of its chunks are in, and anything else (a
 * syslog line, an uncompressed GELF object) passes as it is. Every other framing of a datagram
 * starts with a printable character or {@code <}, so none is mistaken for these.
 *
 * <p>Bounded: a message inflates to at most {@code maxMessageBytes}; chunks of messages not
 * complete are held for at most {@code chunkTimeoutNanos} (GELF's five seconds) and at most
 * {@code maxPendingBytes} in all, the oldest given up first. A message given up, or that cannot be
 * inflated, is {@link Broken} with the reason and the bytes received, for the dead letters. Not
 * thread-safe: one per UDP listener, whose chunks only it sees.
 */
public final class GelfDatagrams {

    /** What a datagram gave. */
    public sealed interface Result permits Complete, Pending, Broken {}

    /** A whole message (inflated when it came compressed). */
    public record Complete(byte[] message) implements Result {}

    /** A chunk of a message still missing others. */
    public record Pending() implements Result {}

    /** A datagram or message that cannot be read: why, and what was received of it. */
    public record Broken(String reason, byte[] received) implements Result {}

    /** GELF's most chunks per message. */
    public static final int MAX_CHUNKS = 128;

    private static final Pending PENDING = new Pending();
    private static final int CHUNK_HEADER = 12;

    private final int maxMessageBytes;
    private final long maxPendingBytes;
    private final long chunkTimeoutNanos;
    private final Map<String, Partial> partials = new LinkedHashMap<>();
    private long pendingBytes;

    public GelfDatagrams(int maxMessageBytes, long maxPendingBytes, long chunkTimeoutNanos) {
        if (maxMessageBytes < 1 || maxPendingBytes < 1 || chunkTimeoutNanos < 1) {
            throw new IllegalArgumentException("bounds must be positive");
        }
        this.maxMessageBytes = maxMessageBytes;
        this.maxPendingBytes = maxPendingBytes;
        this.chunkTimeoutNanos = chunkTimeoutNanos;
    }

    /**
     * @param sender who sent it (chunks of different senders never mix)
     * @param nowNanos a monotonic clock ({@link System#nanoTime()})
     * @return what the datagram gave; messages given up meanwhile are left out (see {@link #expired})
     */
    public Result accept(String sender, byte[] datagram, long nowNanos) {
        if (isChunk(datagram)) {
            return chunk(sender, datagram, nowNanos);
        }
        return whole(datagram);
    }

    /**
     * The messages whose chunks did not all come in time (or that were pushed out by newer ones to
     * stay within the bound), given up now: each {@link Broken} with what came of it.
     */
    public java.util.List<Broken> expired(long nowNanos) {
        java.util.List<Broken> broken = new java.util.ArrayList<>();
        for (Iterator<Partial> it = partials.values().iterator(); it.hasNext(); ) {
            Partial p = it.next();
            if (nowNanos - p.firstNanos <= chunkTimeoutNanos && pendingBytes <= maxPendingBytes) {
                break; // insertion order: the rest are younger
            }
            it.remove();
            pendingBytes -= p.bytes;
            broken.add(new Broken(
                    "GELF message incomplete: " + p.received + " of its " + p.chunks.length + " chunks came within "
                            + chunkTimeoutNanos / 1_000_000 + " ms",
                    p.joined()));
        }
        return broken;
    }

    /** Bytes held for messages still missing chunks. */
    public long pendingBytes() {
        return pendingBytes;
    }

    static boolean isChunk(byte[] d) {
        return d.length >= 2 && d[0] == 0x1e && d[1] == 0x0f;
    }

    static boolean isGzip(byte[] d) {
        return d.length >= 2 && (d[0] & 0xff) == 0x1f && (d[1] & 0xff) == 0x8b;
    }

    /**
     * A zlib header as compressors write it: deflate with a 32 KiB window at one of the four levels
     * ({@code 78 01}, {@code 78 5e}, {@code 78 9c}, {@code 78 da}). Of these only {@code x^} is
     * text, and a line starting so that does not inflate passes as it came.
     */
    static boolean isZlib(byte[] d) {
        if (d.length < 2 || d[0] != 0x78) {
            return false;
        }
        int level = d[1] & 0xff;
        return level == 0x01 || level == 0x5e || level == 0x9c || level == 0xda;
    }

    private Result whole(byte[] message) {
        if (isGzip(message)) {
            return gunzip(message);
        }
        if (isZlib(message)) {
            return inflate(message);
        }
        return new Complete(message);
    }

    private Result chunk(String sender, byte[] d, long nowNanos) {
        if (d.length <= CHUNK_HEADER) {
            return new Broken("GELF chunk shorter than its header", d);
        }
        int number = d[10] & 0xff;
        int count = d[11] & 0xff;
        if (count < 1 || count > MAX_CHUNKS || number >= count) {
            return new Broken("GELF chunk " + number + " of " + count + " (a message has 1 to 128 chunks)", d);
        }
        String id = sender + '/' + java.util.HexFormat.of().formatHex(d, 2, 10);
        Partial p = partials.get(id);
        if (p == null) {
            p = new Partial(count, nowNanos);
            partials.put(id, p);
        } else if (p.chunks.length != count) {
            return new Broken(
                    "GELF chunk of a message said to have " + p.chunks.length + " chunks says it has " + count, d);
        }
        if (p.chunks[number] == null) {
            byte[] data = Arrays.copyOfRange(d, CHUNK_HEADER, d.length);
            if (p.bytes + data.length > maxMessageBytes) {
                partials.remove(id);
                pendingBytes -= p.bytes;
                return new Broken(
                        "GELF message longer than the listener's limit of " + maxMessageBytes + " bytes (chunked)",
                        p.joined());
            }
            p.chunks[number] = data;
            p.received++;
            p.bytes += data.length;
            pendingBytes += data.length;
        }
        if (p.received < count) {
            return PENDING;
        }
        partials.remove(id);
        pendingBytes -= p.bytes;
        return whole(p.joined());
    }

    private Result gunzip(byte[] message) {
        try (GZIPInputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(message))) {
            byte[] out = in.readNBytes(maxMessageBytes + 1);
            if (out.length > maxMessageBytes) {
                return new Broken(
                        "GELF message inflates to more than the listener's limit of " + maxMessageBytes + " bytes",
                        message);
            }
            return new Complete(out);
        } catch (java.io.IOException e) {
            return new Broken("GELF message: gzip data cannot be read (" + e.getMessage() + ")", message);
        }
    }

    private Result inflate(byte[] message) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(message);
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(maxMessageBytes, message.length * 4));
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    // cut short, or not zlib after all: the bytes as they came
                    return new Complete(message);
                }
                if (out.size() + n > maxMessageBytes) {
                    return new Broken(
                            "GELF message inflates to more than the listener's limit of " + maxMessageBytes + " bytes",
                            message);
                }
                out.write(buffer, 0, n);
            }
            return new Complete(out.toByteArray());
        } catch (DataFormatException e) {
            // not zlib after all (a header that happened to look like one): the bytes as they came
            return new Complete(message);
        } finally {
            inflater.end();
        }
    }

    /** The chunks of one message received so far. */
    private static final class Partial {
        final byte[][] chunks;
        final long firstNanos;
        int received;
        int bytes;

        Partial(int count, long firstNanos) {
            this.chunks = new byte[count][];
            this.firstNanos = firstNanos;
        }

        /** The chunks received, in order (missing ones left out). */
        byte[] joined() {
            ByteArrayOutputStream out = new ByteArrayOutputStream(bytes);
            for (byte[] c : chunks) {
                if (c != null) {
                    out.writeBytes(c);
                }
            }
            return out.toByteArray();
        }
    }
}
