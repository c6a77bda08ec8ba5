package io.socaas.localstack.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socaas.localstack.Console;
import io.socaas.localstack.StackException;
import io.socaas.localstack.StackSettings;
import io.socaas.localstack.process.ProcessSupervisor;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComponentTest {

    @TempDir
    Path home;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final Console console = new Console(new PrintStream(printed, true));

    /** A component whose process is a shell command and whose health is a flag file. */
    private final class Fake extends Component {
        private final int port;
        private final List<String> command;
        private final Duration deadline;

        Fake(int port, List<String> command, Duration deadline) {
            super(
                    new StackSettings(home, home, Path.of(System.getProperty("java.home")), 1.0, false),
                    new ProcessSupervisor(home.resolve("run")));
            this.port = port;
            this.command = command;
            this.deadline = deadline;
        }

        @Override
        public String name() {
            return "fake";
        }

        @Override
        public int port() {
            return port;
        }

        @Override
        public String endpoint() {
            return "fake:" + port;
        }

        @Override
        public boolean isHealthy() {
            return home.resolve("healthy").toFile().exists();
        }

        @Override
        protected void launch() {
            supervisor.startDetached(name(), command, Map.of(), home, log());
        }

        @Override
        protected Duration readinessDeadline() {
            return deadline;
        }
    }

    @Test
    void refusesToStartWhenItsPortIsTakenByAnotherProcess() throws Exception {
        try (ServerSocket squatter = new ServerSocket(0, 1, InetAddress.getByName(StackSettings.HOST))) {
            Fake fake = new Fake(squatter.getLocalPort(), List.of("true"), Duration.ofSeconds(5));
            assertThatThrownBy(() -> fake.ensureRunning(console))
                    .isInstanceOf(StackException.class)
                    .hasMessageContaining("port " + squatter.getLocalPort() + " is taken");
        }
    }

    @Test
    void reusesAComponentThatIsAlreadyHealthy() throws Exception {
        home.resolve("healthy").toFile().createNewFile();
        Fake fake = new Fake(freePort(), List.of("false"), Duration.ofSeconds(5));

        assertThat(fake.ensureRunning(console)).isEqualTo(Component.Outcome.REUSED);
        assertThat(fake.startedByUs()).isFalse();
        assertThat(printed.toString()).contains("reusing");
    }

    @Test
    void startsAndWaitsUntilHealthy() throws Exception {
        Fake fake = new Fake(
                freePort(),
                List.of("bash", "-c", "touch '" + home.resolve("healthy") + "'; exec sleep 300"),
                Duration.ofSeconds(20));
        try {
            assertThat(fake.ensureRunning(console)).isEqualTo(Component.Outcome.STARTED);
            assertThat(fake.startedByUs()).isTrue();
        } finally {
            assertThat(fake.stop()).isTrue();
        }
    }

    @Test
    void reportsTheLogTailWhenTheProcessDiesBeforeBeingReady() throws Exception {
        Fake fake = new Fake(
                freePort(), List.of("bash", "-c", "echo 'boom: missing config' ; exit 3"), Duration.ofSeconds(20));

        assertThatThrownBy(() -> fake.ensureRunning(console)).isInstanceOfSatisfying(StackException.class, e -> {
            assertThat(e.getMessage()).contains("exited before becoming ready").contains("boom: missing config");
            assertThat(e.log()).isEqualTo(home.resolve("logs/fake.log"));
            assertThat(e.describe()).contains("log:").contains("fix:");
        });
    }

    @Test
    void reportsAMissedReadinessDeadline() throws Exception {
        Fake fake = new Fake(freePort(), List.of("sleep", "300"), Duration.ofSeconds(2));
        try {
            assertThatThrownBy(() -> fake.ensureRunning(console))
                    .isInstanceOf(StackException.class)
                    .hasMessageContaining("not ready within 2 s");
        } finally {
            fake.stop();
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
