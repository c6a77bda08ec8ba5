package io.socaas.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.google.protobuf.CodedOutputStream;
import io.grpc.CallOptions;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.socaas.localstack.testing.RealmTokens;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The isolation sweep: every REST route the services publish in {@code /q/openapi}, the pages they
 * hide from it, every gRPC method of the protos (the search component among them: {@code
 * DetectionService.Backtest} reads stored events) and every Kafka topic is tried against tenant A's
 * (globex) data with tenant B's (acme) customer, with B's analyst (lee, entitled to acme only),
 * without credentials and with a token of A's own user issued to another client (wrong audience).
 * How each is addressed is the table {@code isolation-sweep.yaml}; a route or method without an
 * entry, or an entry whose route is gone, fails the sweep. Every leak (a 2xx, or A's data in an
 * answer) and every answer that is not the expected refusal is listed at once, with a table of
 * what was tried.
 */
class IsolationSweepIT {

    private static final String VICTIM = "globex";
    private static final Path ROOT = Path.of(System.getProperty("socaas.root", ".."));
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Requests leave from addresses of their own on the loopback network, in turn: the sweep's
     * hundreds of refusals spend those addresses' failed-calls budgets (rate limits, per client
     * address), not the one of 127.0.0.1 that the platform's other users share; spread over several
     * addresses they rarely meet a 429 (a call that does waits and is sent again), so the sweep's
     * time is its calls, not the limits' refill.
     */
    private static final List<String> SWEEP_ADDRESSES =
            IntStream.rangeClosed(77, 92).mapToObj(n -> "127.0.0." + n).toList();

    private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger();

    private static JsonNode table;
    private static Map<String, String> vars;
    private static Map<String, String> tokens;

    private final List<String> findings = new ArrayList<>();
    /** Findings listed under known_findings, printed with why they are open. */
    private final List<String> knownSeen = new ArrayList<>();

    private final Map<String, int[]> tally = new TreeMap<>();
    private final Set<String> foreign = new TreeSet<>();

    @BeforeAll
    static void victimData() throws IOException {
        Platform.ensureRunning();
        try (InputStream in = IsolationSweepIT.class.getResourceAsStream("/isolation-sweep.yaml")) {
            table = YAML.readTree(in);
        }
        vars = new LinkedHashMap<>();
        vars.put("case", Platform.newWhoamiCase(VICTIM));
        vars.put("case2", Platform.newWhoamiCase(VICTIM));
        vars.put(
                "task",
                given().auth()
                        .oauth2(Platform.ana())
                        .contentType(ContentType.JSON)
                        .body(Map.of("title", "victim task"))
                        .urlEncodingEnabled(false)
                        .post(Platform.CASES + "/api/v1/cases/" + vars.get("case") + "/tasks")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id"));
        Response issued = given().auth()
                .oauth2(Platform.ops())
                .contentType(ContentType.JSON)
                .body(Map.of("source_name", "isolation-sweep-victim"))
                .post(Platform.TENANTS + "/api/v1/tenants/{tenant}/ingest-keys", VICTIM);
        assertThat(issued.statusCode()).as(issued.asString()).isEqualTo(201);
        vars.put("key", issued.path("ingest_key"));
        vars.put("keyId", issued.path("key_id"));
        vars.put("rule", "97a80ec7-0e2f-4d05-9ef4-65760e634f6b");
        vars.put("month", YearMonth.now(ZoneOffset.UTC).minusMonths(1).toString());
        vars.put("today", LocalDate.now(ZoneOffset.UTC).toString());
        vars.put("nowMs", Long.toString(System.currentTimeMillis()));
        vars.put("uuid", UUID.randomUUID().toString());
        vars.put("ruleYaml", """
                title: isolation sweep
                id: 5d3c4a8e-2f1b-4c7d-9e6a-1b2c3d4e5f60
                logsource:
                    category: process_creation
                    product: windows
                detection:
                    selection:
                        Image|endswith: '\\whoami.exe'
                    condition: selection
                level: high
                """);

        tokens = new LinkedHashMap<>();
        tokens.put("B customer (alice)", Platform.alice());
        tokens.put("B analyst (lee)", Platform.token("lee", "lee-dev-password"));
        tokens.put(
                "wrong audience (bob via admin-cli)",
                RealmTokens.throughAdminCli("bob@globex.example", "bob-dev-password"));
    }

    @Test
    void noTenantReachesAnotherTenantsDataThroughAnySurface() throws Exception {
        sweepRest();
        sweepGrpc();
        sweepTopics();

        List<String> open = openFindings();
        printTable();
        assertThat(open)
                .as("leaks and unexpected answers of the isolation sweep (see the table above)")
                .isEmpty();
    }

    /**
     * The findings that fail the sweep: every finding, except those listed under {@code known_findings}
     * in the table (each with why it needs design work elsewhere; a ratchet: the list only shrinks),
     * plus every listed finding that no longer occurs, so that a fixed one is taken off the list.
     */
    private List<String> openFindings() {
        Map<String, String> known = new LinkedHashMap<>();
        table.path("known_findings")
                .forEach(
                        k -> known.put(k.path("finding").asText(), k.path("why").asText()));
        List<String> open = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String finding : findings) {
            String match = known.keySet().stream()
                    .filter(finding::startsWith)
                    .findFirst()
                    .orElse(null);
            if (match == null) {
                open.add(finding);
            } else {
                seen.add(match);
                knownSeen.add(finding + "\n      known: " + known.get(match));
            }
        }
        known.keySet().stream()
                .filter(k -> !seen.contains(k))
                .forEach(k -> open.add("known finding no longer found (take it off known_findings in"
                        + " isolation-sweep.yaml): " + k));
        return open;
    }

    // ---------------------------------------------------------------- REST and pages

    private void sweepRest() throws IOException {
        Iterator<Map.Entry<String, JsonNode>> services = table.path("rest").fields();
        while (services.hasNext()) {
            Map.Entry<String, JsonNode> service = services.next();
            String base = "http://127.0.0.1:" + service.getValue().path("port").asInt();
            Set<String> published = publishedRoutes(base);
            JsonNode routes = service.getValue().path("routes");
            Set<String> entries = new TreeSet<>();
            routes.fieldNames().forEachRemaining(entries::add);
            for (String route : published) {
                if (!entries.contains(route)) {
                    findings.add("REST %s %s: no entry in isolation-sweep.yaml (every route needs one)"
                            .formatted(service.getKey(), route));
                }
            }
            for (String entry : entries) {
                if (!published.contains(entry)) {
                    findings.add("REST %s %s: entry for a route the service no longer publishes"
                            .formatted(service.getKey(), entry));
                } else {
                    sweepRoute("REST " + service.getKey(), base, entry, routes.path(entry), false);
                }
            }
            Iterator<Map.Entry<String, JsonNode>> pages =
                    service.getValue().path("pages").fields();
            while (pages.hasNext()) {
                Map.Entry<String, JsonNode> page = pages.next();
                sweepRoute("page " + service.getKey(), base, page.getKey(), page.getValue(), true);
            }
        }
    }

    private static Set<String> publishedRoutes(String base) throws IOException {
        JsonNode openapi = JSON.readTree(given().get(base + "/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        Set<String> routes = new TreeSet<>();
        openapi.path("paths")
                .fields()
                .forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
                    if (Set.of("get", "put", "post", "delete", "patch").contains(method)) {
                        routes.add(method.toUpperCase() + " " + path.getKey());
                    }
                }));
        return routes;
    }

    private void sweepRoute(String surface, String base, String route, JsonNode entry, boolean page) {
        String method = route.substring(0, route.indexOf(' '));
        String path = route.substring(route.indexOf(' ') + 1);
        for (Map.Entry<String, String> p : fields(entry.path("path")).entrySet()) {
            path = path.replace(
                    "{" + p.getKey() + "}", URLEncoder.encode(resolve(p.getValue()), StandardCharsets.UTF_8));
        }
        StringBuilder query = new StringBuilder();
        for (Map.Entry<String, String> q : fields(entry.path("query")).entrySet()) {
            query.append(query.isEmpty() ? "?" : "&")
                    .append(q.getKey())
                    .append('=')
                    .append(URLEncoder.encode(resolve(q.getValue()), StandardCharsets.UTF_8));
        }
        String url = base + path + query;
        String body = entry.has("body") ? resolve(entry.path("body").toString()) : null;
        Map<String, String> headers = new LinkedHashMap<>();
        fields(entry.path("headers")).forEach((k, v) -> headers.put(k, resolve(v)));
        String requestText = url + " " + (body == null ? "" : body) + " " + headers.values();
        String name = surface + " " + route;

        Kind kind = Kind.of(entry);
        Response none = send(method, url, body, headers, null);
        judgeRest(name, "no credentials", none, kind == Kind.PUBLIC ? null : unauthenticated(page), requestText);
        if (kind == Kind.PUBLIC) {
            return;
        }
        for (Map.Entry<String, String> token : tokens.entrySet()) {
            Response answer = send(method, url, body, headers, token.getValue());
            boolean wrongAudience = token.getKey().startsWith("wrong audience");
            Set<Integer> refusals = wrongAudience ? Set.of(401, 403) : Set.of(403, 404);
            if (page) {
                refusals = union(refusals, Set.of(302, 303, 401));
            }
            judgeRest(name, token.getKey(), answer, kind == Kind.OWN && !wrongAudience ? null : refusals, requestText);
        }
    }

    private static Set<Integer> unauthenticated(boolean page) {
        return page ? Set.of(302, 303, 401) : Set.of(401);
    }

    private static Set<Integer> union(Set<Integer> a, Set<Integer> b) {
        Set<Integer> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    private static Response send(String method, String url, String body, Map<String, String> headers, String token) {
        // the first request at once: without pollDelay(ZERO), Awaitility waits a poll interval first
        return Awaitility.await("answer other than 429 from " + method + " " + url)
                .atMost(Duration.ofMinutes(3))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofSeconds(1))
                .pollInSameThread()
                .until(() -> sendOnce(method, url, body, headers, token), r -> r.statusCode() != 429);
    }

    private static Response sendOnce(String method, String url, String body, Map<String, String> headers, String token)
            throws IOException {
        RequestSpecification request = given().config(RestAssuredConfig.config()
                        .redirect(RedirectConfig.redirectConfig().followRedirects(false))
                        .httpClient(HttpClientConfig.httpClientConfig()
                                .setParam(
                                        "http.route.local-address",
                                        InetAddress.getByName(SWEEP_ADDRESSES.get(Math.floorMod(
                                                NEXT_ADDRESS.getAndIncrement(), SWEEP_ADDRESSES.size()))))))
                .urlEncodingEnabled(false)
                .headers(headers);
        if (token != null) {
            request = request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
        }
        return request.request(method, URI.create(url));
    }

    /**
     * Judges one answer. {@code refusals} null: any status but a 5xx may come, never with A's data in
     * it; otherwise only those statuses, never a 2xx.
     */
    private void judgeRest(String surface, String attempt, Response answer, Set<Integer> refusals, String requestText) {
        int status = answer.statusCode();
        String text = answer.asString();
        String leaked = victimDataIn(text, requestText);
        String seen = "%s -> %d %s".formatted(attempt, status, abbreviate(text));
        boolean refused;
        if (leaked != null) {
            findings.add("LEAK %s, %s (A's %s in the answer)".formatted(surface, seen, leaked));
            refused = false;
        } else if (refusals == null) {
            refused = status >= 400;
            if (status >= 500) {
                findings.add("UNEXPECTED %s, %s".formatted(surface, seen));
            }
        } else if (status >= 200 && status < 300) {
            findings.add("LEAK %s, %s (not refused)".formatted(surface, seen));
            refused = false;
        } else {
            refused = refusals.contains(status);
            if (status == 302 || status == 303) {
                String location = answer.header("Location");
                refused = location != null && location.startsWith("http://127.0.0.1:8180/realms/socaas/");
            }
            if (!refused) {
                findings.add("UNEXPECTED %s, %s (expected one of %s%s)"
                        .formatted(
                                surface,
                                seen,
                                refusals,
                                status == 302 || status == 303 ? " or a redirect to the login" : ""));
            }
        }
        count(
                surface.substring(0, surface.indexOf(' ', surface.indexOf(' ') + 1)),
                refused,
                leaked != null || (status >= 200 && status < 300 && refusals != null));
    }

    /**
     * What of A the answer shows that the request did not already name: the cases' and the ingest
     * key's ids, the key itself, A's name. An echo of the request (a problem's {@code instance}, a
     * detail naming the tenant asked for) is not a leak. A's id and name count on every page, public
     * ones such as health checks included: they name no tenant.
     */
    private static String victimDataIn(String answer, String requestText) {
        Map<String, String> markers = new LinkedHashMap<>();
        markers.put("case id", vars.get("case"));
        markers.put("second case id", vars.get("case2"));
        markers.put("ingest key id", vars.get("keyId"));
        markers.put("ingest key", vars.get("key"));
        markers.put("task id", vars.get("task"));
        markers.put("tenant id", VICTIM);
        markers.put("name", "Globex");
        for (Map.Entry<String, String> marker : markers.entrySet()) {
            if (answer.contains(marker.getValue()) && !requestText.contains(marker.getValue())) {
                return marker.getKey() + " " + marker.getValue();
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- gRPC

    private void sweepGrpc() throws Exception {
        Protos protos = Protos.read();
        JsonNode methods = table.path("grpc").path("methods");
        Set<String> entries = new TreeSet<>();
        methods.fieldNames().forEachRemaining(entries::add);
        for (String method : protos.methods.keySet()) {
            if (!entries.contains(method)) {
                findings.add("gRPC %s: no entry in isolation-sweep.yaml (every method needs one)".formatted(method));
            }
        }
        Map<Integer, ManagedChannel> channels = new TreeMap<>();
        try {
            for (String method : entries) {
                if (!protos.methods.containsKey(method)) {
                    findings.add("gRPC %s: entry for a method the protos no longer have".formatted(method));
                    continue;
                }
                String service = method.substring(0, method.indexOf('/'));
                JsonNode port = table.path("grpc").path("ports").path(service);
                if (port.isMissingNode()) {
                    findings.add("gRPC %s: no port for service %s in isolation-sweep.yaml".formatted(method, service));
                    continue;
                }
                ManagedChannel channel = channels.computeIfAbsent(
                        port.asInt(),
                        p -> NettyChannelBuilder.forAddress("127.0.0.1", p)
                                .usePlaintext()
                                .build());
                JsonNode entry = methods.path(method);
                List<JsonNode> requests = new ArrayList<>();
                requests.add(entry.path("request"));
                entry.path("variants").forEach(requests::add);
                for (JsonNode request : requests) {
                    sweepMethod(channel, method, protos, entry, request);
                }
            }
        } finally {
            for (ManagedChannel channel : channels.values()) {
                channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            }
        }
    }

    private void sweepMethod(ManagedChannel channel, String method, Protos protos, JsonNode entry, JsonNode request) {
        byte[] bytes = protos.encode(protos.methods.get(method), request);
        String requestText = resolve(request.toString());
        String name = "gRPC " + method
                + (request == entry.path("request")
                        ? ""
                        : " " + abbreviate(request.path("tenant_id").asText("")));
        Kind kind = Kind.of(entry);
        Set<Status.Code> extra = new TreeSet<>();
        entry.path("refusals").forEach(r -> extra.add(Status.Code.valueOf(r.asText())));

        GrpcAnswer anonymous = call(channel, method, bytes, null);
        if (anonymous.status().getCode() == Status.Code.UNIMPLEMENTED) {
            findings.add("UNEXPECTED %s: the running service does not serve it (%s); is the platform older than proto/?"
                    .formatted(name, anonymous.status().getDescription()));
            count("gRPC " + method.substring(0, method.indexOf('/')), false, false);
            return;
        }
        judgeGrpc(name, "no credentials", anonymous, Set.of(Status.Code.UNAUTHENTICATED), requestText);
        for (Map.Entry<String, String> token : tokens.entrySet()) {
            boolean wrongAudience = token.getKey().startsWith("wrong audience");
            if (kind == Kind.PUBLIC && !wrongAudience) {
                continue;
            }
            Set<Status.Code> refusals = new TreeSet<>(
                    wrongAudience
                            ? Set.of(Status.Code.UNAUTHENTICATED, Status.Code.PERMISSION_DENIED)
                            : Set.of(Status.Code.PERMISSION_DENIED, Status.Code.NOT_FOUND));
            if (!wrongAudience) {
                refusals.addAll(extra);
            }
            judgeGrpc(name, token.getKey(), call(channel, method, bytes, token.getValue()), refusals, requestText);
        }
    }

    private record GrpcAnswer(Status status, byte[] body) {}

    private static GrpcAnswer call(ManagedChannel channel, String method, byte[] request, String token) {
        Metadata metadata = new Metadata();
        if (token != null) {
            metadata.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
        }
        try {
            byte[] answer = ClientCalls.blockingUnaryCall(
                    ClientInterceptors.intercept(channel, MetadataUtils.newAttachHeadersInterceptor(metadata)),
                    RawMethod.of(method),
                    CallOptions.DEFAULT.withDeadlineAfter(20, TimeUnit.SECONDS),
                    request);
            return new GrpcAnswer(Status.OK, answer);
        } catch (StatusRuntimeException e) {
            return new GrpcAnswer(e.getStatus(), new byte[0]);
        }
    }

    private void judgeGrpc(
            String surface, String attempt, GrpcAnswer answer, Set<Status.Code> refusals, String requestText) {
        Status status = answer.status();
        String text = new String(answer.body(), StandardCharsets.UTF_8) + " " + status.getDescription();
        String leaked = victimDataIn(text, requestText);
        String seen =
                "%s -> %s %s".formatted(attempt, status.getCode(), abbreviate(String.valueOf(status.getDescription())));
        boolean refused = false;
        if (status.isOk()) {
            findings.add("LEAK %s, %s (not refused%s)"
                    .formatted(surface, seen, leaked == null ? "" : "; A's " + leaked + " in the answer"));
        } else if (leaked != null) {
            findings.add("LEAK %s, %s (A's %s in the refusal)".formatted(surface, seen, leaked));
        } else if (!refusals.contains(status.getCode())) {
            findings.add("UNEXPECTED %s, %s (expected one of %s)".formatted(surface, seen, refusals));
        } else {
            refused = true;
        }
        String method = surface.split(" ")[1];
        count("gRPC " + method.substring(0, method.indexOf('/')), refused, status.isOk() || leaked != null);
    }

    /** A unary method whose request and answer are passed as bytes (the sweep writes requests by field). */
    private static final class RawMethod implements MethodDescriptor.Marshaller<byte[]> {
        static MethodDescriptor<byte[], byte[]> of(String fullName) {
            return MethodDescriptor.<byte[], byte[]>newBuilder()
                    .setType(MethodDescriptor.MethodType.UNARY)
                    .setFullMethodName(fullName)
                    .setRequestMarshaller(new RawMethod())
                    .setResponseMarshaller(new RawMethod())
                    .build();
        }

        @Override
        public InputStream stream(byte[] value) {
            return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
            try {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * The services, rpcs and request messages of the proto module's {@code .proto} files (the one
     * copy of every contract), enough to write a request by field name.
     */
    private static final class Protos {
        private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+);", Pattern.MULTILINE);
        private static final Pattern SERVICE = Pattern.compile("service\\s+(\\w+)\\s*\\{(.*?)\\n}", Pattern.DOTALL);
        private static final Pattern RPC = Pattern.compile("rpc\\s+(\\w+)\\s*\\(\\s*([\\w.]+)\\s*\\)");
        private static final Pattern MESSAGE = Pattern.compile("message\\s+(\\w+)\\s*\\{(.*?)\\n}", Pattern.DOTALL);
        private static final Pattern FIELD =
                Pattern.compile("^\\s*(repeated\\s+)?([\\w.]+)\\s+(\\w+)\\s*=\\s*(\\d+)\\s*;", Pattern.MULTILINE);

        /** socaas.cases.v1.CaseService/GetCase -> request message (package-qualified). */
        final Map<String, String> methods = new TreeMap<>();

        /** package-qualified message -> field name -> field. */
        final Map<String, Map<String, Field>> messages = new TreeMap<>();

        record Field(boolean repeated, String type, int number) {}

        static Protos read() throws IOException {
            Protos protos = new Protos();
            protos.readAll(ROOT.resolve("proto/src/main/proto"));
            assertThat(protos.methods).as("rpcs found in proto/").isNotEmpty();
            return protos;
        }

        private void readAll(Path root) throws IOException {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file :
                        files.filter(f -> f.toString().endsWith(".proto")).toList()) {
                    String text = Files.readString(file).replaceAll("//[^\\n]*", "");
                    Matcher pkg = PACKAGE.matcher(text);
                    String prefix = pkg.find() ? pkg.group(1) + "." : "";
                    Matcher service = SERVICE.matcher(text);
                    while (service.find()) {
                        Matcher rpc = RPC.matcher(service.group(2));
                        while (rpc.find()) {
                            String input = rpc.group(2).contains(".") ? rpc.group(2) : prefix + rpc.group(2);
                            methods.put(prefix + service.group(1) + "/" + rpc.group(1), input);
                        }
                    }
                    Matcher message = MESSAGE.matcher(text);
                    while (message.find()) {
                        Map<String, Field> fields = new LinkedHashMap<>();
                        Matcher field = FIELD.matcher(message.group(2));
                        while (field.find()) {
                            fields.put(
                                    field.group(3),
                                    new Field(
                                            field.group(1) != null, field.group(2), Integer.parseInt(field.group(4))));
                        }
                        messages.put(prefix + message.group(1), fields);
                    }
                }
            }
        }

        byte[] encode(String message, JsonNode request) {
            Map<String, Field> fields = messages.get(message);
            assertThat(fields).as("message %s in the protos", message).isNotNull();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            CodedOutputStream out = CodedOutputStream.newInstance(bytes);
            try {
                Iterator<Map.Entry<String, JsonNode>> values = request.fields();
                while (values.hasNext()) {
                    Map.Entry<String, JsonNode> value = values.next();
                    Field field = fields.get(value.getKey());
                    assertThat(field)
                            .as("field %s of %s", value.getKey(), message)
                            .isNotNull();
                    List<JsonNode> items = new ArrayList<>();
                    if (value.getValue().isArray()) {
                        value.getValue().forEach(items::add);
                    } else {
                        items.add(value.getValue());
                    }
                    for (JsonNode item : items) {
                        String text = resolve(item.asText());
                        switch (field.type()) {
                            case "string" -> out.writeString(field.number(), text);
                            case "int32", "int64", "uint32", "uint64" ->
                                out.writeInt64(field.number(), Long.parseLong(text));
                            case "bool" -> out.writeBool(field.number(), Boolean.parseBoolean(text));
                            case "bytes" ->
                                out.writeByteArray(
                                        field.number(), text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                            default ->
                                throw new IllegalArgumentException(
                                        "field %s of %s: type %s is not written by the sweep yet"
                                                .formatted(value.getKey(), message, field.type()));
                        }
                    }
                }
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return bytes.toByteArray();
        }
    }

    // ---------------------------------------------------------------- Kafka

    private void sweepTopics() throws Exception {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092");
        Set<String> topics;
        try (Admin admin = Admin.create(config)) {
            topics = new TreeSet<>(admin.listTopics().names().get(30, TimeUnit.SECONDS));
        }
        topics.removeIf(t -> !t.startsWith("soc."));
        JsonNode entries = table.path("topics");
        String platformSource = platformSource();
        for (String topic : topics) {
            JsonNode entry = entries.path(topic);
            boolean proven = false;
            if (entry.isMissingNode() && !platformSource.contains('"' + topic + '"')) {
                // on a shared broker: a topic no code of this repository produces or consumes
                foreign.add(topic);
                continue;
            } else if (entry.isMissingNode()) {
                findings.add(
                        "topic %s: no entry in isolation-sweep.yaml (name the test that proves its consumers' tenant wall)"
                                .formatted(topic));
            } else if (entry.has("none")) {
                proven = true;
            } else if (!entry.has("tests") || entry.path("tests").isEmpty()) {
                findings.add(
                        "topic %s: no test proves that its consumers refuse a record whose tenant header and payload disagree"
                                .formatted(topic));
            } else {
                proven = true;
                for (JsonNode test : entry.path("tests")) {
                    String[] parts = test.asText().split("#");
                    Path file = ROOT.resolve(parts[0]);
                    if (!Files.isRegularFile(file)
                            || !Files.readString(file)
                                    .matches("(?s).*void\\s+" + Pattern.quote(parts[1]) + "\\s*\\(.*")) {
                        findings.add("topic %s: the test %s named in isolation-sweep.yaml does not exist"
                                .formatted(topic, test.asText()));
                        proven = false;
                    }
                }
            }
            count("topic " + topic, proven, false);
        }
        Iterator<String> named = entries.fieldNames();
        while (named.hasNext()) {
            String topic = named.next();
            if (!topics.contains(topic)) {
                findings.add("topic %s: entry for a topic the broker does not have".formatted(topic));
            }
        }
    }

    /**
     * The platform's main sources (services, launcher) and its contracts as one text, to tell the
     * platform's topics from others a shared broker holds.
     */
    private static String platformSource() throws IOException {
        StringBuilder text = new StringBuilder(
                Files.readString(ROOT.resolve("docs/contracts.md")).replace('`', '"'));
        for (String dir : List.of("services", "local-stack/src/main")) {
            try (Stream<Path> files = Files.walk(ROOT.resolve(dir))) {
                for (Path file : files.filter(f -> f.toString().contains("/src/main/") || dir.startsWith("local-stack"))
                        .filter(f -> f.toString().matches(".*\\.(java|properties|yaml|yml)$"))
                        .filter(Files::isRegularFile)
                        .toList()) {
                    text.append(Files.readString(file).replaceAll("=\\s*(soc\\.[\\w.]+)", "=\"$1\""));
                }
            }
        }
        return text.toString();
    }

    // ---------------------------------------------------------------- the report

    private void count(String surface, boolean refused, boolean leak) {
        int[] row = tally.computeIfAbsent(surface, s -> new int[3]);
        row[0]++;
        row[1] += refused ? 1 : 0;
        row[2] += leak ? 1 : 0;
    }

    private void printTable() {
        StringBuilder out = new StringBuilder("\nIsolation sweep: tenant B (acme) against tenant A (globex)\n");
        out.append("%-52s %9s %8s %6s%n".formatted("surface", "attempts", "refused", "leaks"));
        int[] total = new int[3];
        tally.forEach((surface, row) -> {
            out.append("%-52s %9d %8d %6d%n".formatted(surface, row[0], row[1], row[2]));
            for (int i = 0; i < 3; i++) {
                total[i] += row[i];
            }
        });
        out.append("%-52s %9d %8d %6d%n".formatted("total", total[0], total[1], total[2]));
        out.append(
                "(topics: an attempt is a topic, refused = a module test proves its consumers' tenant wall;\n"
                        + " attempts that may succeed, public routes and a caller's own data, count as attempts, not as refused)\n");
        if (!foreign.isEmpty()) {
            out.append("Topics on the broker that no code of this repository names (not swept): ")
                    .append(String.join(", ", foreign))
                    .append('\n');
        }
        if (!knownSeen.isEmpty()) {
            out.append("\nKnown findings (open, listed under known_findings with why):\n");
            knownSeen.forEach(f -> out.append("  ").append(f).append('\n'));
        }
        List<String> others = findings.stream()
                .filter(f -> knownSeen.stream().noneMatch(k -> k.startsWith(f + "\n")))
                .toList();
        if (!others.isEmpty()) {
            out.append("\nFindings:\n");
            others.forEach(f -> out.append("  ").append(f).append('\n'));
        }
        System.out.println(out);
    }

    // ---------------------------------------------------------------- table helpers

    private enum Kind {
        TENANT,
        PLATFORM,
        OWN,
        PUBLIC;

        static Kind of(JsonNode entry) {
            if (entry.has("public")) {
                return PUBLIC;
            }
            if (entry.has("own")) {
                return OWN;
            }
            return entry.has("platform") ? PLATFORM : TENANT;
        }
    }

    private static Map<String, String> fields(JsonNode node) {
        Map<String, String> fields = new LinkedHashMap<>();
        node.fields().forEachRemaining(f -> fields.put(f.getKey(), f.getValue().asText()));
        return fields;
    }

    private static String resolve(String text) {
        String resolved = text;
        for (Map.Entry<String, String> v : vars.entrySet()) {
            resolved = resolved.replace("${" + v.getKey() + "}", v.getValue());
        }
        return resolved;
    }

    private static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() > 160 ? flat.substring(0, 160) + "..." : flat;
    }
}
