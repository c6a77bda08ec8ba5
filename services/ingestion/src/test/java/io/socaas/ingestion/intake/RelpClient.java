package io.socaas.ingestion.intake;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A RELP client written from the specification (librelp's doc/relp.html), independent of the
 * server's decoder: frames {@code TXNR SP COMMAND SP DATALEN [SP DATA] LF} out, responses read by
 * their length (an {@code open} response holds line feeds).
 */
final class RelpClient {

    record Response(long txnr, String command, String data) {}

    private final InputStream in;
    private final OutputStream out;

    RelpClient(Socket socket) throws IOException {
        socket.setSoTimeout(30_000);
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    void send(long txnr, String command, String data) throws IOException {
        byte[] bytes = data.getBytes(StandardCharsets.UTF_8);
        out.write((txnr + " " + command + " " + bytes.length + (bytes.length > 0 ? " " : ""))
                .getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.write('\n');
        out.flush();
    }

    Response read() throws IOException {
        long txnr = Long.parseLong(token());
        String command = token();
        ByteArrayOutputStream length = new ByteArrayOutputStream();
        int b;
        while ((b = next()) != ' ' && b != '\n') {
            length.write(b);
        }
        int count = Integer.parseInt(length.toString(StandardCharsets.US_ASCII));
        byte[] data = in.readNBytes(count);
        if (count > 0 && next() != '\n') {
            throw new IOException("RELP frame not ended by a line feed");
        }
        return new Response(txnr, command, new String(data, StandardCharsets.UTF_8));
    }

    /** -1 once the server closed the connection. */
    int readByte() throws IOException {
        return in.read();
    }

    private String token() throws IOException {
        StringBuilder token = new StringBuilder();
        for (int b; (b = next()) != ' '; ) {
            token.append((char) b);
        }
        return token.toString();
    }

    private int next() throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException("the server closed the connection");
        }
        return b;
    }
}
