package io.socaas.localstack;

import io.socaas.localstack.component.Component;
import io.socaas.localstack.component.Keycloak;
import io.socaas.localstack.component.Service;
import io.socaas.localstack.process.ProcessSupervisor;
import io.socaas.localstack.process.Rss;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** The {@code soc} command: up | down | status | logs. Run through the ./soc script. */
public final class Soc {

    private Soc() {}

    public static void main(String[] args) {
        String command = args.length == 0 ? "help" : args[0];
        List<String> rest = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
        if (rest.contains("--tls")) {
            System.setProperty("socaas.tls", "true");
        }
        int rc;
        try {
            rc = switch (command) {
                case "up" -> up(rest.contains("--infra"));
                case "down" -> down(rest.contains("--purge"));
                case "status" -> status();
                case "logs" -> logs(rest);
                case "demo" -> demo();
                case "tenants" -> tenants(rest);
                case "otp" -> otp(rest);
                default -> help();
            };
        } catch (StackException e) {
            System.err.println();
            System.err.print(e.describe());
            rc = 1;
        }
        System.exit(rc);
    }

    private static int help() {
        System.out.println("""
                usage: ./soc <command>
                  up [--infra] [--build]  start (or reuse) PostgreSQL, Kafka, OpenSearch, Keycloak and the five
                                          services, seed the demo tenant, print URLs and credentials.
                                          --infra: infrastructure only; --build: rebuild the services first
                                          --tls: Kafka, Keycloak and the services on TLS with a local CA
                                          (SOCAAS_HOME/tls/ca.pem); status, demo, down take --tls as well
                  status                  health of every component, who started it, its PID and log
                  logs <name> [-n N]      last N (default 80) lines of a component's log
                  demo                    send the sample event (docs/samples) as tenant acme and show the case
                  tenants apply           apply tenant-config/ now (all files or none) and print what changed
                  otp <user>              the current one-time code of a demo staff user (ana, lee, tom, mia, ops)
                  down [--purge]          stop what ./soc started; --purge also deletes the local data
                """);
        return 0;
    }

    static int up(boolean infraOnly) {
        LocalStack stack = LocalStack.fromEnvironment();
        Instant begin = Instant.now();
        System.out.println("SOCaaS local platform — home " + stack.settings().home());
        System.out.println("infrastructure:");
        stack.ensureInfrastructure();
        if (infraOnly) {
            System.out.println("infrastructure ready in " + Console.seconds(Duration.between(begin, Instant.now())));
            return 0;
        }
        System.out.println("services:");
        stack.ensureServices();
        String key = new DemoTenant(stack.settings()).ingestKey();
        System.out.println();
        System.out.print(Summary.of(stack, key, Duration.between(begin, Instant.now())));
        return 0;
    }

    /** The current code of a demo staff user's authenticator, for a password grant by hand. */
    static int otp(List<String> args) {
        if (args.size() != 1) {
            System.err.println("usage: ./soc otp <user>");
            return 2;
        }
        return Totp.currentCodeOf(args.getFirst())
                .map(code -> {
                    System.out.println(code);
                    return 0;
                })
                .orElseGet(() -> {
                    System.err.println(args.getFirst() + " has no authenticator in the local realm file");
                    return 1;
                });
    }

    static int tenants(List<String> args) {
        if (!args.equals(List.of("apply"))) {
            System.err.println("usage: ./soc tenants apply");
            return 2;
        }
        return new TenantConfigApply(LocalStack.fromEnvironment().settings()).run();
    }

    static int down(boolean purge) {
        LocalStack stack = LocalStack.fromEnvironment();
        List<String> stopped = stack.down();
        if (stopped.isEmpty()) {
            System.out.println("nothing to stop: no component was started by ./soc (running ones were left alone)");
        }
        if (purge) {
            Path home = stack.settings().home();
            try {
                if (Files.exists(home)) {
                    try (var walk = Files.walk(home)) {
                        for (Path p :
                                walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                            Files.delete(p);
                        }
                    }
                }
                System.out.println("deleted " + home + " (Kafka, OpenSearch and Keycloak data, logs, demo key)");
            } catch (IOException e) {
                throw new StackException("launcher", "cannot delete " + home + ": " + e.getMessage(), null);
            }
        }
        return 0;
    }

    static int status() {
        LocalStack stack = LocalStack.fromEnvironment();
        System.out.printf(
                "%-16s %-9s %-8s %-8s %8s  %s%n", "COMPONENT", "HEALTH", "OWNER", "PID", "RSS(MB)", "ENDPOINT");
        boolean allHealthy = true;
        long totalKb = 0;
        for (Component c : stack.all()) {
            boolean healthy = c.isHealthy();
            allHealthy &= healthy;
            Long pid = c.pid()
                    .or(() -> healthy ? Rss.listenerOf(c.port()) : java.util.Optional.empty())
                    .orElse(null);
            long rssKb = !healthy
                    ? 0
                    : c.name().equals("postgres") ? Rss.ofListenerTree(c.port()) : pid == null ? 0 : Rss.ofTree(pid);
            totalKb += rssKb;
            System.out.printf(
                    "%-16s %-9s %-8s %-8s %8s  %s%n",
                    c.name(),
                    healthy ? "healthy" : "down",
                    c.startedByUs() ? "soc" : (healthy ? "external" : "-"),
                    pid == null ? "-" : pid.toString(),
                    rssKb == 0 ? "-" : Long.toString(rssKb / 1024),
                    c.endpoint());
        }
        System.out.printf("%-44s %8d  (resident memory of all components)%n", "total", totalKb / 1024);
        System.out.println("logs: " + stack.settings().logs() + "/<component>.log");
        return allHealthy ? 0 : 3;
    }

    static int demo() {
        LocalStack stack = LocalStack.fromEnvironment();
        for (Component c : stack.all()) {
            if (!c.isHealthy()) {
                throw new StackException(c.name(), "is not running", "start the platform first: ./soc up");
            }
        }
        Demo.Result r = new Demo(stack.settings()).sendSampleAndAwaitCase(Duration.ofSeconds(15));
        System.out.printf(
                "event %s (tenant %s) -> case %s after %d ms%n  %s [%s] rule by %s%n  portal: %s%n",
                r.ingestId(),
                DemoTenant.TENANT,
                r.caseId(),
                r.latency().toMillis(),
                r.title(),
                r.severity(),
                r.ruleAuthor(),
                stack.settings().serviceUrl(Service.PORTS.get("reporting"))
                        + "/portal (alice@acme.example / alice-dev-password)");
        return 0;
    }

    static int logs(List<String> args) {
        if (args.isEmpty()) {
            System.err.println("usage: ./soc logs <name> [-n N]; names: "
                    + String.join(
                            ", ",
                            LocalStack.fromEnvironment().all().stream()
                                    .map(Component::name)
                                    .toList()));
            return 2;
        }
        LocalStack stack = LocalStack.fromEnvironment();
        String name = args.getFirst();
        int lines = 80;
        int n = args.indexOf("-n");
        if (n >= 0 && n + 1 < args.size()) {
            lines = Integer.parseInt(args.get(n + 1));
        }
        Component c = stack.component(name)
                .orElseThrow(() -> new StackException(name, "no such component", "see ./soc status for the names"));
        System.out.println("==> " + c.log() + " <==");
        System.out.println(ProcessSupervisor.tail(c.log(), lines));
        return 0;
    }

    /** The block printed at the end of ./soc up. */
    static final class Summary {
        private Summary() {}

        static String of(LocalStack stack, String demoKey, Duration took) {
            String h = stack.settings().scheme() + "://127.0.0.1:";
            int ingestion = Service.PORTS.get("ingestion");
            StringBuilder s = new StringBuilder();
            s.append("SOCaaS is up (").append(Console.seconds(took)).append(")\n\n");
            row(
                    s,
                    "Customer portal",
                    h + Service.PORTS.get("reporting") + "/portal",
                    "alice@acme.example / alice-dev-password (tenant acme)");
            row(s, "", "", "bob@globex.example / bob-dev-password (tenant globex)");
            row(
                    s,
                    "Analyst view",
                    h + Service.PORTS.get("reporting") + "/portal?tenant=<id>",
                    "ana / ana-dev-password (tenant chooser)");
            row(
                    s,
                    "Cases API",
                    h + Service.PORTS.get("case-management") + "/api/v1/cases",
                    "customers: own tenant; ana: all tenants");
            row(s, "Ingestion API", h + ingestion + "/api/v1/events", "Bearer <ingest key>");
            row(
                    s,
                    "Splunk HEC",
                    h + ingestion + "/services/collector",
                    "Splunk <ingest key> (Fluent Bit, Vector, OTel)");
            row(s, "Elasticsearch bulk", h + ingestion + "/es", "api_key \"<id>:<ingest key>\" (Beats, Logstash)");
            row(
                    s,
                    "Dead letters",
                    h + ingestion + "/api/v1/dead-letters",
                    "Bearer <ingest key> (why events are missing)");
            row(
                    s,
                    "Tenant API (MSSP)",
                    h + Service.PORTS.get("tenant-billing") + "/api/v1/tenants",
                    "ops / ops-dev-password (lifecycle, keys, audit)");
            row(
                    s,
                    "Onboarding (sales)",
                    "POST " + h + Service.PORTS.get("tenant-billing") + "/api/v1/tenants",
                    "sam / sam-dev-password; CRM: client crm / crm-dev-secret");
            row(
                    s,
                    "Keycloak admin",
                    stack.settings().keycloakUrl() + "/admin/",
                    Keycloak.ADMIN_USER + " / " + Keycloak.ADMIN_PASSWORD);
            row(s, "OpenAPI", h + "<port>/q/openapi", "ports 8081-8085");
            row(s, "Kafka", stack.settings().kafkaBootstrap(), "");
            row(s, "OpenSearch", stack.settings().opensearchUrl(), "");
            row(s, "PostgreSQL", "127.0.0.1:5432", "one database per service (docs/contracts.md)");
            if (stack.settings().tls()) {
                LocalTls tls = LocalTls.of(stack.settings());
                s.append(
                                "\nTLS: Keycloak, Kafka (SSL), OpenSearch (HTTPS) and the services (HTTPS, gRPC) use certificates of the local CA\n")
                        .append("  trust it: ")
                        .append(tls.caCertificate())
                        .append("   (curl --cacert <it> ...; browsers: import it as an authority)\n")
                        .append(
                                tls.postgresTrust()
                                        .map(t -> "  PostgreSQL: TLS, checked " + t.sslMode() + " against " + t.root()
                                                + "\n")
                                        .orElse(
                                                "  PostgreSQL: plain (the cluster serves TLS with a certificate the launcher cannot check)\n"));
            }
            s.append("\nDemo ingest key (tenant acme): ").append(demoKey).append("\n\n");
            s.append("Send the sample event, then open the portal as alice:\n");
            s.append("  curl -i -H 'Authorization: Bearer ")
                    .append(demoKey)
                    .append("' -H 'Content-Type: application/json' \\\n")
                    .append("       --data @docs/samples/whoami-priv.json ")
                    .append(h)
                    .append(ingestion)
                    .append("/api/v1/events\n\n");
            s.append("Logs: ")
                    .append(stack.settings().logs())
                    .append("/<name>.log (./soc logs <name>)   Stop: ./soc down\n");
            return s.toString();
        }

        private static void row(StringBuilder s, String what, String where, String who) {
            s.append(String.format("  %-22s %-48s %s%n", what, where, who));
        }
    }
}
