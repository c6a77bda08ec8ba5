package io.socaas.events.syslog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits a syslog TCP byte stream into messages (RFC 6587): octet counting ({@code <length> SP
 * <message>}) when a message starts with a non-zero digit followed by digits and a space, else
 * non-transparent framing with LF as the trailer (a CR before it is dropped), or NUL (GELF over TCP,
 * as Docker's {@code gelf} log driver and Graylog's senders write it; a NUL right before an LF ends
 * the same message). Both may alternate on one connection. Bounded: a message longer than {@code maxFrameBytes} is reported as an oversized
 * frame holding its first {@code maxFrameBytes} bytes and the rest of it is skipped. Empty lines
 * are skipped. Not thread-safe: one decoder per connection.
 */
public final class SyslogFrameDecoder {

    /** One message of the stream, or the start of one that was too long. */
    public record Frame(byte[] bytes, boolean oversized) {}

    /** Longest length prefix accepted (9 digits: below 1 GB). */
    private static final int MAX_LENGTH_DIGITS = 9;

    private final int maxFrameBytes;
    private byte[] buffer = new byte[256];
    private int size;
    /** Bytes of an oversized frame still to skip; -1 skips to the next LF or NUL. */
    private long skipping;

    public SyslogFrameDecoder(int maxFrameBytes) {
        if (maxFrameBytes < 1) {
            throw new IllegalArgumentException("maxFrameBytes must be positive: " + maxFrameBytes);
        }
        this.maxFrameBytes = maxFrameBytes;
    }

    /** Feeds the next bytes of the stream; returns the messages they complete, in order. */
    public List<Frame> feed(byte[] bytes, int offset, int length) {
        List<Frame> frames = new ArrayList<>();
        int pos = offset;
        int end = offset + length;
        while (pos < end) {
            if (skipping != 0) {
                pos = skip(bytes, pos, end);
                continue;
            }
            append(bytes[pos++]);
            decode(frames, false);
        }
        return frames;
    }

    public List<Frame> feed(byte[] bytes) {
        return feed(bytes, 0, bytes.length);
    }

    /** The end of the stream: a last message without its LF is a message too. */
    public List<Frame> finish() {
        List<Frame> frames = new ArrayList<>();
        decode(frames, true);
        if (size > 0 && skipping == 0) {
            emitLine(frames, size);
        }
        size = 0;
        skipping = 0;
        return frames;
    }

    /** Bytes held for a message not complete yet (at most {@code maxFrameBytes} plus a prefix). */
    public int buffered() {
        return size;
    }

    private int skip(byte[] bytes, int pos, int end) {
        if (skipping > 0) {
            long take = Math.min(skipping, end - pos);
            skipping -= take;
            return pos + (int) take;
        }
        while (pos < end) {
            byte b = bytes[pos++];
            if (b == '\n' || b == 0) {
                skipping = 0;
                break;
            }
        }
        return pos;
    }

    private void append(byte b) {
        if (size == buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(16, Math.min(buffer.length * 2, maxFrameBytes + 16)));
        }
        buffer[size++] = b;
    }

    /** Called after each appended byte (cheap checks on the last byte only). */
    private void decode(List<Frame> frames, boolean atEnd) {
        if (size == 0) {
            return;
        }
        byte first = buffer[0];
        if (first >= '1' && first <= '9') {
            int digits = 0;
            while (digits < size && digits <= MAX_LENGTH_DIGITS && isDigit(buffer[digits])) {
                digits++;
            }
            if (digits < size && buffer[digits] == ' ' && digits <= MAX_LENGTH_DIGITS) {
                long length = Long.parseLong(new String(buffer, 0, digits, java.nio.charset.StandardCharsets.US_ASCII));
                int headerLength = digits + 1;
                if (length > maxFrameBytes) {
                    // keep the first maxFrameBytes of the message for the dead letter, skip the rest
                    if (size - headerLength == maxFrameBytes) {
                        frames.add(new Frame(Arrays.copyOfRange(buffer, headerLength, size), true));
                        size = 0;
                        skipping = length - maxFrameBytes;
                    }
                    return;
                }
                if (size - headerLength == length) {
                    frames.add(new Frame(Arrays.copyOfRange(buffer, headerLength, size), false));
                    size = 0;
                }
                return;
            }
            if (digits == size && digits <= MAX_LENGTH_DIGITS && !atEnd) {
                return; // still reading a possible length prefix
            }
        }
        byte last = buffer[size - 1];
        if (last == '\n' || last == 0) {
            emitLine(frames, size - 1);
            size = 0;
        } else if (size > maxFrameBytes) {
            frames.add(new Frame(Arrays.copyOf(buffer, maxFrameBytes), true));
            size = 0;
            skipping = -1;
        }
    }

    private void emitLine(List<Frame> frames, int end) {
        int contentEnd = end > 0 && buffer[end - 1] == '\r' ? end - 1 : end;
        if (contentEnd > 0) {
            frames.add(new Frame(Arrays.copyOf(buffer, contentEnd), false));
        }
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }
}
