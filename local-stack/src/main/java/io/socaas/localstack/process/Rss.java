package io.socaas.localstack.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Resident memory of a process tree, read from /proc (Linux). */
public final class Rss {

    private static final Pattern SS_PID = Pattern.compile("pid=(\\d+)");

    private Rss() {}

    /** Resident set size in KiB of the process and all its descendants. */
    public static long ofTree(long pid) {
        long total = 0;
        Set<Long> seen = new HashSet<>();
        Deque<ProcessHandle> todo = new ArrayDeque<>();
        ProcessHandle.of(pid).ifPresent(todo::add);
        while (!todo.isEmpty()) {
            ProcessHandle h = todo.poll();
            if (seen.add(h.pid())) {
                total += ofProcess(h.pid());
                h.children().forEach(todo::add);
            }
        }
        return total;
    }

    static long ofProcess(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D+", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // process gone or not Linux: counts as zero
        }
        return 0;
    }

    /** The PID listening on a TCP port, as `ss` reports it (needs permission to see it). */
    public static Optional<Long> listenerOf(int port) {
        Path out;
        try {
            out = Files.createTempFile("socaas-ss", ".txt");
        } catch (IOException e) {
            return Optional.empty();
        }
        try {
            int rc = ProcessSupervisor.runToCompletion(
                    List.of("ss", "-ltnpH", "sport = :" + port), Map.of(), out, Duration.ofSeconds(5));
            if (rc != 0) {
                return Optional.empty();
            }
            Matcher m = SS_PID.matcher(Files.readString(out));
            return m.find() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } finally {
            try {
                Files.deleteIfExists(out);
            } catch (IOException e) {
                // temp file left behind: harmless
            }
        }
    }

    /** A PostgreSQL server: the postmaster listening on the port plus all its backends. */
    public static long ofListenerTree(int port) {
        return listenerOf(port)
                .map(pid -> ProcessHandle.of(pid)
                        .flatMap(h -> h.parent().filter(p -> sameCommand(p, h)).or(() -> Optional.of(h)))
                        .map(h -> ofTree(h.pid()))
                        .orElse(0L))
                .orElse(0L);
    }

    private static boolean sameCommand(ProcessHandle parent, ProcessHandle child) {
        return parent.info().command().equals(child.info().command());
    }
}
