package io.socaas.localstack.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Starts processes detached from the launcher (own session, output to a log file), records their
 * PID files, and stops only what it started (the process and all its descendants).
 */
public final class ProcessSupervisor {

    private final Path runDir;

    public ProcessSupervisor(Path runDir) {
        this.runDir = runDir;
    }

    /** Starts {@code command} in its own session; returns its PID, recorded under {@code name}. */
    public long startDetached(String name, List<String> command, Map<String, String> env, Path workDir, Path log) {
        try {
            Files.createDirectories(runDir);
            Files.createDirectories(log.getParent());
            List<String> cmd = new ArrayList<>();
            if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
                cmd.add("/usr/bin/setsid"); // survives the launcher and the terminal's Ctrl-C
            }
            cmd.addAll(command);
            ProcessBuilder pb = new ProcessBuilder(cmd)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            pb.environment().putAll(env);
            Files.writeString(
                    log,
                    "==== " + Instant.now() + " starting: " + String.join(" ", command) + "\n",
                    StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
            Process process = pb.start();
            long pid = process.pid();
            Files.writeString(pidFile(name), Long.toString(pid));
            return pid;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    /** Runs a command to completion (for setup steps); returns its exit code. */
    public static int runToCompletion(List<String> command, Map<String, String> env, Path log, Duration timeout) {
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder pb = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            pb.environment().putAll(env);
            Process p = pb.start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                return -1;
            }
            return p.exitValue();
        } catch (IOException e) {
            return -2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -3;
        }
    }

    public Path pidFile(String name) {
        return runDir.resolve(name + ".pid");
    }

    /** The live process this launcher started under {@code name}, if any (stale PID files are removed). */
    public Optional<ProcessHandle> running(String name) {
        Path file = pidFile(name);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(Files.readString(file).trim());
            Optional<ProcessHandle> handle = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
            if (handle.isEmpty()) {
                Files.deleteIfExists(file);
            }
            return handle;
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    public boolean startedByUs(String name) {
        return running(name).isPresent();
    }

    /**
     * Stops what was started under {@code name}: SIGTERM to the process and its descendants, then
     * SIGKILL after {@code grace}. Returns false when nothing was recorded.
     */
    public boolean stop(String name, Duration grace) {
        Optional<ProcessHandle> handle = running(name);
        if (handle.isEmpty()) {
            return false;
        }
        List<ProcessHandle> all = new ArrayList<>();
        Deque<ProcessHandle> todo = new java.util.ArrayDeque<>();
        todo.add(handle.get());
        while (!todo.isEmpty()) {
            ProcessHandle h = todo.poll();
            all.add(h);
            h.children().forEach(todo::add);
        }
        all.forEach(ProcessHandle::destroy);
        Instant deadline = Instant.now().plus(grace);
        for (ProcessHandle h : all) {
            Duration left = Duration.between(Instant.now(), deadline);
            try {
                if (!left.isNegative()) {
                    h.onExit().get(left.toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (Exception e) {
                // still alive after the grace period: killed below
            }
        }
        all.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        try {
            Files.deleteIfExists(pidFile(name));
        } catch (IOException e) {
            // a stale PID file is harmless: running() checks liveness
        }
        return true;
    }

    /** The last {@code lines} lines of a log file, for error reports. */
    public static String tail(Path log, int lines) {
        try {
            if (!Files.isRegularFile(log)) {
                return "(no log yet)";
            }
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }
}
