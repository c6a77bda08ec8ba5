package io.socaas.localstack;

import java.io.PrintStream;
import java.time.Duration;

/** Progress lines for the terminal, one per component step. */
public final class Console {

    private final PrintStream out;

    public Console(PrintStream out) {
        this.out = out;
    }

    public static Console stdout() {
        return new Console(System.out);
    }

    public synchronized void step(String component, String message) {
        out.printf("  %-16s %s%n", component, message);
        out.flush();
    }

    public synchronized void line(String text) {
        out.println(text);
        out.flush();
    }

    public static String seconds(Duration d) {
        return String.format("%.1fs", d.toMillis() / 1000.0);
    }
}
