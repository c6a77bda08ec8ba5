package io.socaas.events.syslog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits a syslog TCP byte stream into messages (RFC 6587): octet counting ({@code <length> SP
 * <message>}) when a message starts with a non-zero digit followed by digits and a space, else
 * non-transparent framing with LF as the trailer (a CR before it is dropped), or NUL (GELF over TCP,
 * as Docker's {@code gelf} log driver and Graylog's senders write it; a NUL right before an LF ends
 * the same message). A message that starts as a JSON object ({@code {} then, after any spaces,
 * {@code "} or a closing brace) ends where the object closes, with or without a line end after it
 * (text after it on the same line is a message of its own): JSON objects sent one after another with nothing
 * between them (Logstash's {@code tcp} output with its default {@code json} codec, Fluent Bit's
 * {@code json_stream}) and objects written over several lines are messages of their own. An object
 * that is not closed by the end of a line after which a new message starts (a line beginning with
 * {@code {} or {@code <}), or that has a line end inside a string (which JSON does not allow), ends
 * at that line end as any line does, so that a cut-off JSON line does not swallow the lines after it.
 * All may alternate on one connection. Bounded: a message longer than {@code maxFrameBytes} is
 * reported as an oversized frame holding its first {@code maxFrameBytes} bytes and the rest of it is
 * skipped (a JSON object's up to where it closes, so that the objects after it are read). Empty lines are skipped. Not thread-safe: one decoder per connection.
 */
public final class SyslogFrameDecoder {

    /** One message of the stream, or the start of one that was too long. */
    public record Frame(byte[] bytes, boolean oversized) {}

    /** Longest length prefix accepted (9 digits: below 1 GB). */
    private static final int MAX_LENGTH_DIGITS = 9;

    private final int maxFrameBytes;
    private byte[] buffer = new byte[256];
    private int size;
    /** Bytes of an oversized frame still to skip; -1 skips to the next LF or NUL, SKIP_OBJECT to the object's end. */
    private long skipping;

    private static final long SKIP_OBJECT = -2;

    // a JSON object's frame: nesting, inside a string, after a backslash in one, and where the last
    // line end in it was when it is not closed yet (-1: none since the last byte)
    private int depth;
    private boolean inString;
    private boolean escaped;
    private int lineEnd = -1;
    /** The frame starts with '{' but is no JSON object ('{' not followed by '"' or '}'): a line. */
    private boolean text;
    /** The frame's '{' was followed by '"' or '}'. */
    private boolean object;
    /** The first line end of a frame that starts with '{' before it showed an object (-1: none). */
    private int firstLineEnd = -1;
    /** A JSON object just ended: spaces, tabs and CRs before the next message are dropped. */
    private boolean afterObject;

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
            byte b = bytes[pos++];
            if (afterObject && (b == ' ' || b == '\t' || b == '\r')) {
                continue; // spacing between JSON objects
            }
            afterObject = false;
            append(b);
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
            // an object not closed whose last byte was a line end ends there
            emitLine(frames, lineEnd >= 0 ? lineEnd : size);
        }
        afterObject = false;
        newFrame();
        skipping = 0;
        return frames;
    }

    /** Bytes held for a message not complete yet (at most {@code maxFrameBytes} plus a prefix). */
    public int buffered() {
        return size;
    }

    private int skip(byte[] bytes, int pos, int end) {
        if (skipping == SKIP_OBJECT) {
            return skipObject(bytes, pos, end);
        }
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

    /** The rest of an oversized JSON object: up to where it closes (or a NUL, or a line end in a string). */
    private int skipObject(byte[] bytes, int pos, int end) {
        while (pos < end) {
            byte b = bytes[pos++];
            // a NUL ends a message wherever it comes
            int step = b == 0 ? LINE_END_IN_STRING : step(b);
            if (step == CLOSED || step == LINE_END_IN_STRING) {
                afterObject = step == CLOSED;
                skipping = 0;
                depth = 0;
                inString = false;
                escaped = false;
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
                        newFrame();
                        skipping = length - maxFrameBytes;
                    }
                    return;
                }
                if (size - headerLength == length) {
                    frames.add(new Frame(Arrays.copyOfRange(buffer, headerLength, size), false));
                    newFrame();
                }
                return;
            }
            if (digits == size && digits <= MAX_LENGTH_DIGITS && !atEnd) {
                return; // still reading a possible length prefix
            }
        }
        byte last = buffer[size - 1];
        if (first == '{' && !text && json(frames, last)) {
            return;
        }
        if (last == '\n' || last == 0) {
            emitLine(frames, size - 1);
            newFrame();
        } else if (size > maxFrameBytes) {
            frames.add(new Frame(Arrays.copyOf(buffer, maxFrameBytes), true));
            boolean inObject = first == '{' && object && !text;
            int openDepth = depth;
            boolean openString = inString;
            boolean openEscape = escaped;
            newFrame();
            if (inObject) {
                // skip to the object's end: the objects after it are read (they may have no line end)
                depth = openDepth;
                inString = openString;
                escaped = openEscape;
                skipping = SKIP_OBJECT;
            } else {
                skipping = -1;
            }
        }
    }

    /**
     * Follows a JSON object's frame through its last byte.
     *
     * @return true when the byte was taken care of, false when it ends the frame as a line would
     *     (NUL; a line end inside a string) or may make it too long
     */
    private boolean json(List<Frame> frames, byte last) {
        if (last == 0) {
            if (lineEnd >= 0) {
                emitLine(frames, lineEnd);
                newFrame();
                return true;
            }
            return false;
        }
        if (lineEnd >= 0) {
            // the first byte of a line inside an object not closed: a new message starts here?
            int end = lineEnd;
            lineEnd = -1;
            boolean continues =
                    last == ' ' || last == '\t' || last == '\r' || last == '\n' || last == '"' || last == '}';
            if (last == '{' || last == '<' || !object && !continues) {
                // a new message, or the line held a '{' and no object after it
                emitLine(frames, end);
                newFrame();
                buffer[0] = last;
                size = 1;
                if (last == '{') {
                    depth = 1;
                }
                return true;
            }
        }
        if (!object && size > 1 && last != ' ' && last != '\t' && last != '\r' && last != '\n') {
            if (last != '"' && last != '}') {
                if (firstLineEnd >= 0) {
                    // the '{' ended its line with no object after it: that line was a message
                    splitAtFirstLineEnd(frames);
                    return true;
                }
                text = true;
                return false;
            }
            object = true;
        }
        switch (step(last)) {
            case CLOSED -> {
                frames.add(new Frame(Arrays.copyOf(buffer, size), false));
                newFrame();
                afterObject = true;
                return true;
            }
            case LINE_END_IN_STRING -> {
                if (firstLineEnd >= 0) {
                    splitAtFirstLineEnd(frames);
                    return true;
                }
                return false;
            }
            case LINE_END -> {
                lineEnd = size - 1;
                if (!object && firstLineEnd < 0) {
                    firstLineEnd = lineEnd;
                }
                return size <= maxFrameBytes;
            }
            default -> {
                return size <= maxFrameBytes;
            }
        }
    }

    private static final int OTHER = 0;
    private static final int CLOSED = 1;
    private static final int LINE_END = 2;
    private static final int LINE_END_IN_STRING = 3;

    /**
     * Follows one byte of a JSON text (strings, their escapes, nesting): whether it closed the outermost
     * object, is a line end (inside a string, where JSON does not allow one, or outside) or neither.
     */
    private int step(byte b) {
        if (inString) {
            if (escaped) {
                escaped = false;
            } else if (b == '\\') {
                escaped = true;
            } else if (b == '"') {
                inString = false;
            } else if (b == '\n') {
                return LINE_END_IN_STRING;
            }
            return OTHER;
        }
        if (b == '"') {
            inString = true;
        } else if (b == '{' || b == '[') {
            depth++;
        } else if (b == '}' || b == ']') {
            if (--depth == 0) {
                return CLOSED;
            }
        } else if (b == '\n') {
            return LINE_END;
        }
        return OTHER;
    }

    /**
     * Ends the frame at its first line end as a line, and reads what followed as the start of the
     * next frame.
     */
    private void splitAtFirstLineEnd(List<Frame> frames) {
        int end = firstLineEnd;
        byte[] rest = Arrays.copyOfRange(buffer, end + 1, size);
        emitLine(frames, end);
        newFrame();
        for (byte b : rest) {
            append(b);
            decode(frames, false);
        }
    }

    /** The next byte starts a frame. */
    private void newFrame() {
        size = 0;
        depth = 0;
        inString = false;
        escaped = false;
        lineEnd = -1;
        text = false;
        object = false;
        firstLineEnd = -1;
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
