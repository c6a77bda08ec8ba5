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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

        private final boolean startsDifferentlyWithTls;

        Fake(int port, List<String> command, Duration deadline) {
            this(port, command, deadline, false, false);
        }

        Fake(int port, List<String> command, Duration deadline, boolean tls, boolean startsDifferentlyWithTls) {
            super(
                    new StackSettings(home, home, Path.of(System.getProperty("java.home")), 1.0, tls),
                    new ProcessSupervisor(home.resolve("run")));
            this.port = port;
            this.command = command;
            this.deadline = deadline;
            this.startsDifferentlyWithTls = startsDifferentlyWithTls;
        }

        @Override
        protected boolean startsDifferentlyWithTls() {
            return startsDifferentlyWithTls;
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

        /** Healthy once its process made the flag file; one that starts differently with TLS has one per mode. */
        @Override
        public boolean isHealthy() {
            return home.resolve(settings.tls() && startsDifferentlyWithTls ? "healthy-tls" : "healthy")
                    .toFile()
                    .exists();
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
        Fake fake = new Fake(freePort(), touchesThenSleeps("healthy"), Duration.ofSeconds(20));
        try {
            assertThat(fake.ensureRunning(console)).isEqualTo(Component.Outcome.STARTED);
            assertThat(fake.startedByUs()).isTrue();
        } finally {
            assertThat(fake.stop()).isTrue();
        }
    }

    @ParameterizedTest(name = "its mode noted: {0}")
    @ValueSource(booleans = {true, false})
    void restartsWithTlsWhatItStartedWithoutTls(boolean modeNoted) throws Exception {
        int port = freePort();
        Fake plain = new Fake(port, touchesThenSleeps("healthy"), Duration.ofSeconds(20), false, true);
        Fake withTls = new Fake(port, touchesThenSleeps("healthy-tls"), Duration.ofSeconds(20), true, true);
        try {
            assertThat(plain.ensureRunning(console)).isEqualTo(Component.Outcome.STARTED);
            long plainPid = plain.pid().orElseThrow();
            if (!modeNoted) {
                // as a launcher that noted no modes left it: plain, running, nothing noted
                java.nio.file.Files.delete(home.resolve("run/fake.mode"));
            }

            assertThat(withTls.ensureRunning(console)).isEqualTo(Component.Outcome.STARTED);

            assertThat(withTls.pid()).isPresent().get().isNotEqualTo(plainPid);
            assertThat(ProcessHandle.of(plainPid).filter(ProcessHandle::isAlive))
                    .isEmpty();
            assertThat(printed.toString()).contains("was started without TLS: restarting it with TLS");
            // asked for the mode it runs in, it is left alone
            assertThat(withTls.ensureRunning(console)).isEqualTo(Component.Outcome.ALREADY_RUNNING);
        } finally {
            withTls.stop();
            plain.stop();
        }
    }

    @Test
    void keepsAComponentThatStartsTheSameWayWithTls() throws Exception {
        Fake plain = new Fake(freePort(), touchesThenSleeps("healthy"), Duration.ofSeconds(20));
        Fake withTls = new Fake(plain.port(), List.of("false"), Duration.ofSeconds(20), true, false);
        try {
            assertThat(plain.ensureRunning(console)).isEqualTo(Component.Outcome.STARTED);
            long pid = plain.pid().orElseThrow();

            assertThat(withTls.ensureRunning(console)).isEqualTo(Component.Outcome.ALREADY_RUNNING);
            assertThat(withTls.pid()).contains(pid);
        } finally {
            plain.stop();
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

    /** A process that creates {@code marker} in the home (what the fakes take as healthy) and runs on. */
    private List<String> touchesThenSleeps(String marker) {
        return List.of("bash", "-c", "touch '" + home.resolve(marker) + "'; exec sleep 300");
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
