package io.socaas.ingestion.syslog.domain;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RELP frames (rsyslog's Reliable Event Logging Protocol) from a byte stream fed in arbitrary
 * pieces: {@code TXNR SP COMMAND SP DATALEN [SP DATA] LF}, TXNR and DATALEN 1-9 digits, COMMAND 1-32
 * letters. Bounded: a frame whose data is longer than the limit is a protocol error (the sender is
 * told and the connection ends), so memory per connection stays bounded. Not thread-safe.
 */
public final class RelpFrameDecoder {

    /** One frame. */
    public record Frame(long txnr, String command, byte[] data) {
        public String text() {
            return new String(data, StandardCharsets.UTF_8);
        }
    }

    /** The stream is no RELP: what was read cannot be a frame. */
    public static final class RelpProtocolException extends RuntimeException {
        public RelpProtocolException(String message) {
            super(message);
        }
    }

    private enum State {
        TXNR,
        COMMAND,
        LENGTH,
        DATA,
        TRAILER
    }

    private final int maxDataLength;
    private State state = State.TXNR;
    private final StringBuilder token = new StringBuilder();
    private long txnr;
    private String command;
    private int length;
    private final ByteArrayOutputStream data = new ByteArrayOutputStream();

    public RelpFrameDecoder(int maxDataLength) {
        this.maxDataLength = maxDataLength;
    }

    /** The frames completed by these bytes. */
    public List<Frame> feed(byte[] bytes, int offset, int count) {
        List<Frame> frames = new ArrayList<>();
        for (int i = offset; i < offset + count; i++) {
            byte b = bytes[i];
            switch (state) {
                case TXNR -> {
                    if (b == ' ' && !token.isEmpty()) {
                        txnr = Long.parseLong(token.toString());
                        token.setLength(0);
                        state = State.COMMAND;
                    } else if ((b == '\n' || b == '\r') && token.isEmpty()) {
                        // stray line ends between frames are tolerated
                    } else if (b >= '0' && b <= '9' && token.length() < 9) {
                        token.append((char) b);
                    } else {
                        throw new RelpProtocolException("bad transaction number");
                    }
                }
                case COMMAND -> {
                    if (b == ' ' && !token.isEmpty()) {
                        command = token.toString();
                        token.setLength(0);
                        state = State.LENGTH;
                    } else if (((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z')) && token.length() < 32) {
                        token.append((char) b);
                    } else {
                        throw new RelpProtocolException("bad command");
                    }
                }
                case LENGTH -> {
                    if ((b == ' ' || b == '\n') && !token.isEmpty()) {
                        length = Integer.parseInt(token.toString());
                        token.setLength(0);
                        if (length > maxDataLength) {
                            throw new RelpProtocolException(
                                    "frame of " + length + " bytes exceeds the limit of " + maxDataLength);
                        }
                        if (b == '\n') {
                            if (length != 0) {
                                throw new RelpProtocolException("data missing");
                            }
                            frames.add(complete());
                        } else {
                            state = length == 0 ? State.TRAILER : State.DATA;
                        }
                    } else if (b >= '0' && b <= '9' && token.length() < 9) {
                        token.append((char) b);
                    } else {
                        throw new RelpProtocolException("bad data length");
                    }
                }
                case DATA -> {
                    int take = Math.min(length - data.size(), offset + count - i);
                    data.write(bytes, i, take);
                    i += take - 1;
                    if (data.size() == length) {
                        state = State.TRAILER;
                    }
                }
                case TRAILER -> {
                    if (b != '\n') {
                        throw new RelpProtocolException("frame not ended by a line feed");
                    }
                    frames.add(complete());
                }
            }
        }
        return frames;
    }

    private Frame complete() {
        Frame frame = new Frame(txnr, command, data.toByteArray());
        data.reset();
        state = State.TXNR;
        return frame;
    }

    /** A response frame: {@code TXNR rsp DATALEN DATA LF}. */
    public static byte[] response(long txnr, String data) {
        byte[] body = data.getBytes(StandardCharsets.UTF_8);
        String head = txnr + " rsp " + body.length + (body.length == 0 ? "" : " ");
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] frame = new byte[headBytes.length + body.length + 1];
        System.arraycopy(headBytes, 0, frame, 0, headBytes.length);
        System.arraycopy(body, 0, frame, headBytes.length, body.length);
        frame[frame.length - 1] = '\n';
        return frame;
    }
}
