package io.socaas.localstack.component;

import io.socaas.localstack.Console;
import io.socaas.localstack.LocalTls;
import io.socaas.localstack.StackException;
import io.socaas.localstack.StackSettings;
import io.socaas.localstack.process.Net;
import io.socaas.localstack.process.ProcessSupervisor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Debian's PostgreSQL server: installed with apt when missing (as root), its cluster started with
 * pg_ctlcluster, and one database plus one login role per service.
 */
public final class Postgres extends Component {

    /** The per-service databases of docs/contracts.md: database name = role name. */
    public static final List<String> DATABASES =
            List.of("socaas_tenants", "socaas_cases", "socaas_reporting", "socaas_ingestion", "socaas_correlation");

    /**
     * The application role of each database whose service reads and writes under row-level
     * security: a login role that owns nothing (the service's migrations grant it row access), while
     * the database's own role stays the owner that Flyway migrates as.
     */
    public static final Map<String, String> APP_ROLES =
            Map.of("socaas_tenants", "socaas_tenants_app", "socaas_cases", "socaas_cases_app");

    /**
     * Suffix of each service's second database, owned by the same role, that the service's own
     * tests use: they run beside a live platform without touching its data.
     */
    public static final String TEST_SUFFIX = "_test";

    private static final String MARKER = "postgres.started";

    public Postgres(StackSettings settings, ProcessSupervisor supervisor) {
        super(settings, supervisor);
    }

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public int port() {
        return StackSettings.POSTGRES_PORT;
    }

    @Override
    public String endpoint() {
        return "postgresql://" + StackSettings.HOST + ":" + port();
    }

    public static String passwordOf(String role) {
        String env = System.getenv("SOCAAS_DB_PASSWORD_" + role.toUpperCase());
        return env != null && !env.isBlank() ? env : role + "-dev-password";
    }

    @Override
    public boolean isHealthy() {
        if (onPath("pg_isready")) {
            return run(List.of("pg_isready", "-q", "-h", StackSettings.HOST, "-p", Integer.toString(port()))) == 0;
        }
        return Net.portInUse(StackSettings.HOST, port());
    }

    @Override
    protected boolean ownsProcess() {
        return false;
    }

    @Override
    public boolean startedByUs() {
        return Files.exists(settings.run().resolve(MARKER));
    }

    @Override
    protected void preflight() {
        if (!onPath("pg_ctlcluster") || !onPath("pg_lsclusters")) {
            if (isRoot() && onPath("apt-get")) {
                Console.stdout().step(name(), "installing Debian's postgresql package (apt-get)…");
                int rc = ProcessSupervisor.runToCompletion(
                        List.of("apt-get", "install", "-y", "-q", "postgresql"),
                        Map.of("DEBIAN_FRONTEND", "noninteractive"),
                        log(),
                        Duration.ofMinutes(10));
                if (rc != 0) {
                    throw failure("apt-get install postgresql failed (exit " + rc + ")");
                }
            } else {
                throw new StackException(
                        name(), "PostgreSQL server is not installed", "install it: sudo apt-get install -y postgresql");
            }
        }
    }

    @Override
    protected void launch() {
        String version = clusterVersion();
        int rc = run(List.of("pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "start"));
        if (rc != 0) {
            throw failure("pg_ctlcluster " + version + " main start failed (exit " + rc + ")");
        }
        try {
            Files.createDirectories(settings.run());
            Files.writeString(settings.run().resolve(MARKER), version);
        } catch (IOException e) {
            // without the marker, down leaves the cluster running: harmless
        }
    }

    private String clusterVersion() {
        try {
            Path etc = Path.of("/etc/postgresql");
            try (var dirs = Files.list(etc)) {
                return dirs.map(p -> p.getFileName().toString())
                        .filter(s -> s.matches("\\d+"))
                        .max(java.util.Comparator.comparingInt(Integer::parseInt))
                        .orElseThrow(() -> failure("no cluster under /etc/postgresql"));
            }
        } catch (IOException e) {
            throw failure("no PostgreSQL cluster configured under /etc/postgresql");
        }
    }

    @Override
    protected Duration readinessDeadline() {
        return Duration.ofSeconds(30);
    }

    /**
     * Creates (or keeps) one role per service with its database and its tests' database, and the
     * application roles of {@link #APP_ROLES}; passwords follow docs/contracts.md.
     */
    @Override
    protected void afterReady() {
        StringBuilder sql = new StringBuilder();
        for (String db : DATABASES) {
            createLoginRole(sql, db);
            for (String database : List.of(db, db + TEST_SUFFIX)) {
                sql.append("SELECT format('CREATE DATABASE %I OWNER %I', '")
                        .append(database)
                        .append("', '")
                        .append(db)
                        .append("') WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = '")
                        .append(database)
                        .append("')\\gexec\n");
            }
        }
        for (String role : APP_ROLES.values().stream().sorted().toList()) {
            createLoginRole(sql, role);
        }
        Path script = settings.run().resolve("postgres-provision.sql");
        try {
            Files.createDirectories(settings.run());
            Files.writeString(script, sql.toString());
            script.toFile().setReadable(true, false);
            settings.run().toFile().setExecutable(true, false);
        } catch (IOException e) {
            throw failure("cannot write " + script + ": " + e.getMessage());
        }
        superuser(
                List.of("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", "postgres"),
                script,
                "creating the service databases and roles");
        if (settings.tls()) {
            serveTls();
        }
    }

    /**
     * With TLS ({@code --tls}): the cluster serves a certificate of the local CA (its chain and key
     * in the cluster's data directory, owned by postgres, set with ALTER SYSTEM and a reload, so that
     * plain connections keep working for the plain stack), and the launcher checks it by connecting
     * with {@code sslmode=verify-full} before it notes it ({@link LocalTls#postgresMarker()}). A
     * cluster that already serves TLS with a certificate of its own (Debian's ssl-cert) is left as
     * it is: the services then check it against Debian's root, as {@link LocalTls#postgresTrust()}
     * says.
     */
    private void serveTls() {
        LocalTls tls = LocalTls.of(settings);
        Path marker = tls.postgresMarker();
        try {
            Files.deleteIfExists(marker);
            Path dataDir = Path.of(superuserQuery("SHOW data_directory"));
            Path certificate = dataDir.resolve("socaas-server.crt");
            Path key = dataDir.resolve("socaas-server.key");
            if (superuserQuery("SHOW ssl").equals("on")
                    && !superuserQuery("SHOW ssl_cert_file").equals(certificate.toString())) {
                // the cluster serves TLS with a certificate of its own (Debian's, say): left as it is
                return;
            }
            LocalTls.ServerPem pem = tls.serverPem(name());
            writeAsPostgres(certificate, pem.certificateChain());
            writeAsPostgres(key, pem.privateKey());
            Path script = settings.run().resolve("postgres-tls.sql");
            Files.writeString(script, """
                    ALTER SYSTEM SET ssl_cert_file = '%s';
                    ALTER SYSTEM SET ssl_key_file = '%s';
                    ALTER SYSTEM SET ssl = on;
                    SELECT pg_reload_conf();
                    """.formatted(sqlText(certificate), sqlText(key)));
            script.toFile().setReadable(true, false);
            superuser(List.of("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", "postgres"), script, "turning TLS on");
            Instant deadline = Instant.now().plusSeconds(15);
            while (!servesTls(tls)) {
                if (Instant.now().isAfter(deadline)) {
                    throw failure(
                            "the cluster does not serve its certificate after the reload (see its own log under /var/log/postgresql)");
                }
                Thread.sleep(200);
            }
            Files.writeString(marker, certificate + "\n");
        } catch (IOException e) {
            throw failure("cannot give the cluster its certificate: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("interrupted");
        }
    }

    /** A path as the text of an SQL string literal. */
    private static String sqlText(Path path) {
        return path.toString().replace("'", "''");
    }

    /** True when a client that trusts only the local CA and checks the address gets a TLS connection. */
    private boolean servesTls(LocalTls tls) {
        String role = DATABASES.getFirst();
        String connection = "host=%s port=%d dbname=%s user=%s sslmode=verify-full sslrootcert='%s'"
                .formatted(
                        StackSettings.HOST,
                        port(),
                        role,
                        role,
                        tls.caCertificate().toString().replace("\\", "\\\\").replace("'", "\\'"));
        int rc = ProcessSupervisor.runToCompletion(
                List.of("psql", "-X", "-q", "-At", "-c", "SELECT 1", connection),
                Map.of("PGPASSWORD", passwordOf(role), "PGCONNECT_TIMEOUT", "5"),
                log(),
                Duration.ofSeconds(20));
        return rc == 0;
    }

    /** Writes {@code content} to {@code file} as the postgres user, readable by it alone. */
    private void writeAsPostgres(Path file, String content) throws IOException {
        Path staged = Files.createTempFile(settings.run(), "postgres-", ".pem");
        try {
            // the launcher's own file (mode 600) is the input of the write as postgres
            Files.writeString(staged, content);
            superuser(List.of("sh", "-c", "umask 077 && cat > \"$0\"", file.toString()), staged, "writing " + file);
        } finally {
            Files.deleteIfExists(staged);
        }
    }

    /** A client's session on the cluster: its role and whether it runs over TLS. */
    public record Session(String role, boolean tls) {}

    /**
     * The sessions of the platform's roles over TCP, as the cluster sees them ({@code pg_stat_ssl}):
     * what tells that the services' links to PostgreSQL are encrypted.
     */
    public List<Session> platformSessions() {
        try {
            String rows = superuserRows(
                    "SELECT a.usename || ':' || s.ssl FROM pg_stat_ssl s JOIN pg_stat_activity a USING (pid)"
                            + " WHERE a.client_addr IS NOT NULL AND a.usename LIKE 'socaas%'");
            return rows.lines()
                    .map(line -> new Session(
                            line.substring(0, line.lastIndexOf(':')), line.endsWith(":true") || line.endsWith(":t")))
                    .toList();
        } catch (IOException e) {
            throw failure("cannot read the cluster's sessions: " + e.getMessage());
        }
    }

    /** The one value a query as the database superuser returns. */
    private String superuserQuery(String sql) throws IOException {
        String value = superuserRows(sql);
        if (value.isEmpty()) {
            throw failure("`" + sql + "` as the database superuser returned nothing");
        }
        return value;
    }

    /** The rows (one per line, unaligned) a query as the database superuser returns. */
    private String superuserRows(String sql) throws IOException {
        List<String> cmd = new ArrayList<>(asSuperuser());
        cmd.addAll(List.of("psql", "-X", "-q", "-At", "-d", "postgres", "-c", sql));
        Path output = Files.createTempFile(settings.run(), "psql-", ".out");
        try {
            Process p = new ProcessBuilder(cmd)
                    .redirectError(ProcessBuilder.Redirect.appendTo(log().toFile()))
                    .redirectOutput(output.toFile())
                    .start();
            if (!p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw failure("`" + sql + "` as the database superuser did not answer within 30 s");
            }
            if (p.exitValue() != 0) {
                throw failure("`" + sql + "` as the database superuser failed");
            }
            return Files.readString(output).trim();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("interrupted");
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /** Runs {@code command} as the database superuser with {@code input} as its standard input. */
    private void superuser(List<String> command, Path input, String what) {
        List<String> cmd = new ArrayList<>(asSuperuser());
        cmd.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectInput(input.toFile())
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
        try {
            Files.createDirectories(log().getParent());
            Process p = pb.start();
            if (!p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw failure(what + " failed");
            }
        } catch (IOException e) {
            throw failure("cannot run " + command.getFirst() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("interrupted");
        }
    }

    private static void createLoginRole(StringBuilder sql, String role) {
        String pw = passwordOf(role).replace("'", "''");
        sql.append("SELECT format('CREATE ROLE %I LOGIN', '")
                .append(role)
                .append("') WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '")
                .append(role)
                .append("')\\gexec\n");
        sql.append("ALTER ROLE ")
                .append(role)
                .append(" LOGIN PASSWORD '")
                .append(pw)
                .append("';\n");
    }

    /** How to run psql as the database superuser: runuser when root, sudo otherwise. */
    private static List<String> asSuperuser() {
        if (isRoot()) {
            return List.of("runuser", "-u", "postgres", "--");
        }
        if ("postgres".equals(System.getProperty("user.name"))) {
            return List.of();
        }
        return List.of("sudo", "-n", "-u", "postgres");
    }

    @Override
    public boolean stop() {
        Path marker = settings.run().resolve(MARKER);
        if (!Files.exists(marker)) {
            return false;
        }
        try {
            String version = Files.readString(marker).trim();
            run(List.of("pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "stop"));
            Files.deleteIfExists(marker);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private int run(List<String> cmd) {
        return ProcessSupervisor.runToCompletion(cmd, Map.of(), log(), Duration.ofSeconds(60));
    }

    static boolean onPath(String exe) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : (path + ":/usr/sbin:/sbin").split(":")) {
            if (Files.isExecutable(Path.of(dir, exe))) {
                return true;
            }
        }
        return false;
    }

    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
