package io.socaas.localstack.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessSupervisorTest {

    @TempDir
    Path home;

    @Test
    void stopsTheProcessItStartedTogetherWithItsChildren() throws Exception {
        ProcessSupervisor supervisor = new ProcessSupervisor(home.resolve("run"));
        long pid = supervisor.startDetached(
                "sleeper", List.of("bash", "-c", "sleep 300 & wait"), Map.of(), home, home.resolve("logs/sleeper.log"));
        ProcessHandle parent = ProcessHandle.of(pid).orElseThrow();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> parent.children().findAny().isPresent());
        ProcessHandle child = parent.children().findFirst().orElseThrow();

        assertThat(supervisor.running("sleeper")).isPresent();
        assertThat(supervisor.stop("sleeper", Duration.ofSeconds(5))).isTrue();

        await().atMost(Duration.ofSeconds(10)).until(() -> !parent.isAlive() && !child.isAlive());
        assertThat(Files.exists(supervisor.pidFile("sleeper"))).isFalse();
        assertThat(supervisor.running("sleeper")).isEmpty();
    }

    @Test
    void leavesAloneWhatItDidNotStart() throws Exception {
        ProcessSupervisor supervisor = new ProcessSupervisor(home.resolve("run"));
        Process foreign = new ProcessBuilder("sleep", "300").start();
        try {
            assertThat(supervisor.stop("kafka", Duration.ofSeconds(1))).isFalse();
            assertThat(foreign.isAlive()).isTrue();
        } finally {
            foreign.destroyForcibly();
        }
    }

    @Test
    void forgetsAStalePidFile() throws Exception {
        ProcessSupervisor supervisor = new ProcessSupervisor(home.resolve("run"));
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Files.createDirectories(home.resolve("run"));
        Files.writeString(supervisor.pidFile("opensearch"), Long.toString(gone.pid()));

        assertThat(supervisor.running("opensearch")).isEmpty();
        assertThat(Files.exists(supervisor.pidFile("opensearch"))).isFalse();
    }

    @Test
    void tailShowsTheLastLinesOfALog() throws Exception {
        Path log = home.resolve("x.log");
        Files.writeString(log, "one\ntwo\nthree\nfour\n");
        assertThat(ProcessSupervisor.tail(log, 2)).isEqualTo("three\nfour");
        assertThat(ProcessSupervisor.tail(home.resolve("missing.log"), 2)).isEqualTo("(no log yet)");
    }
}
