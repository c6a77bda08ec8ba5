package io.socaas.correlation.sigma.yaml;

import static io.socaas.correlation.sigma.yaml.IngestedEvents.DNS;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.FIREWALL;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.PROXY;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.WEBSERVER;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.assumeCorpus;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.fired;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.firedJson;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.id;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.ingestedAny;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.logsources;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.rules;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Access logs of the web's front doors as ingestion normalizes them are Sigma {@code webserver}
 * events: AWS Application Load Balancer lines, CloudFront standard logs, Cloudflare Logpush HTTP
 * requests and firewall events, and Caddy's JSON access log. SigmaHQ's webserver rules fire on the
 * attacks a request carries in its path, its query (the whole request target, path and query, as
 * the rules write it) or its User-Agent header, and stay silent on ordinary requests. Written after
 * each vendor's documented format. Without the corpus ({@code SOCAAS_CORPUS}) the tests are skipped.
 */
class CloudAndCaddyWebLogsourcesTest {

    private static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";

    /** A request: method, path, query ("" for none), user agent. */
    private record Request(String method, String path, String query, String agent) {
        String target() {
            return query.isEmpty() ? path : path + "?" + query;
        }
    }

    private static String alb(Request r) {
        return "https 2026-03-01T09:58:00.186641Z app/shop-alb/50dc6c495c0c9188 203.0.113.45:46532 10.0.3.17:8080"
                + " 0.001 0.004 0.000 200 200 412 5120 \"" + r.method() + " https://shop.example.com:443" + r.target()
                + " HTTP/1.1\" \"" + r.agent() + "\" ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2"
                + " arn:aws:elasticloadbalancing:eu-west-1:418273645091:targetgroup/shop/73e2d6bc24d8a067"
                + " \"Root=1-67c2a1f3-4b5c6d7e8f9012a3b4c5d6e7\" \"shop.example.com\""
                + " \"arn:aws:acm:eu-west-1:418273645091:certificate/5b6c7d8e-9f01-4a2b-8c3d-4e5f60718293\" 0"
                + " 2026-03-01T09:58:00.181000Z \"forward\" \"-\" \"-\" \"10.0.3.17:8080\" \"200\" \"-\" \"-\"";
    }

    private static String cloudFront(Request r) {
        // CloudFront writes the User-Agent percent-encoded
        String agent = r.agent().replace(" ", "%20");
        return String.join(
                "\t",
                "2026-03-01",
                "09:59:58",
                "FRA56-P5",
                "5213",
                "203.0.113.45",
                r.method(),
                "d111111abcdef8.cloudfront.net",
                r.path(),
                "200",
                "-",
                agent,
                r.query().isEmpty() ? "-" : r.query(),
                "-",
                "Miss",
                "SOX4xwn4XV6Q4rgb7XiVGOHms_BGlTAC4KyHmureZmBNrjGdRLiNIQ==",
                "shop.example.com",
                "https",
                "412",
                "0.004",
                "-",
                "TLSv1.3",
                "TLS_AES_128_GCM_SHA256",
                "Miss",
                "HTTP/2.0",
                "-",
                "-",
                "46532",
                "0.004",
                "Miss",
                "text/html",
                "5120",
                "-",
                "-");
    }

    private static String cloudflareRequest(Request r) {
        return """
                {"ClientIP": "203.0.113.45", "ClientRequestHost": "shop.example.com", "ClientRequestMethod": "%s",
                 "ClientRequestURI": "%s", "ClientRequestUserAgent": "%s", "ClientRequestProtocol": "HTTP/2",
                 "EdgeResponseStatus": 200, "EdgeStartTimestamp": "2026-03-01T09:58:00Z", "RayID": "7a1b2c3d4e5f6a7b",
                 "OriginResponseStatus": 200, "WAFAction": "unknown"}""".formatted(r.method(), r.target(), r.agent());
    }

    private static String cloudflareFirewallEvent(Request r) {
        return """
                {"Action": "log", "ClientIP": "203.0.113.45", "ClientRequestHost": "shop.example.com",
                 "ClientRequestMethod": "%s", "ClientRequestPath": "%s", "ClientRequestQuery": "%s",
                 "ClientRequestUserAgent": "%s", "Datetime": "2026-03-01T09:58:00Z", "RayName": "7a1b2c3d4e5f6a7c",
                 "RuleID": "100015", "Source": "firewallManaged"}""".formatted(r.method(), r.path(), r.query().isEmpty() ? "" : "?" + r.query(), r.agent());
    }

    private static String caddy(Request r) {
        return """
                {"level": "info", "ts": 1772359201.5241024, "logger": "http.log.access.log0", "msg": "handled request",
                 "request": {"remote_ip": "203.0.113.45", "remote_port": "46532", "client_ip": "203.0.113.45",
                   "proto": "HTTP/2.0", "method": "%s", "host": "shop.example.com", "uri": "%s",
                   "headers": {"User-Agent": ["%s"], "Accept": ["*/*"]}},
                 "bytes_read": 0, "user_id": "", "duration": 0.0012, "size": 5120, "status": 200}""".formatted(r.method(), r.target(), r.agent());
    }

    private static final List<Function<Request, String>> FORMS = List.of(
            CloudAndCaddyWebLogsourcesTest::alb,
            CloudAndCaddyWebLogsourcesTest::cloudFront,
            CloudAndCaddyWebLogsourcesTest::cloudflareRequest,
            CloudAndCaddyWebLogsourcesTest::cloudflareFirewallEvent,
            CloudAndCaddyWebLogsourcesTest::caddy);

    private static List<String> firedOn(Function<Request, String> form, Request request) {
        String raw = form.apply(request);
        return raw.startsWith("{") ? firedJson(raw) : fired(raw);
    }

    @Test
    void everyRequestIsAWebserverEventOfNoProduct() {
        for (Function<Request, String> form : FORMS) {
            for (Request r :
                    List.of(new Request("GET", "/cart", "item=42", BROWSER), new Request("GET", "/", "", BROWSER))) {
                String raw = form.apply(r);
                assertThat(logsources(ingestedAny(raw)))
                        .as(raw)
                        .contains(WEBSERVER)
                        .doesNotContain(PROXY, FIREWALL, DNS);
            }
        }
    }

    @Test
    void webserverRulesFireOnAttacksInThePathAndTheQuery() {
        assumeCorpus();
        String traversal = id("rules/web/webserver_generic/web_path_traversal_exploitation_attempt.yml");
        String joomla =
                id("rules-emerging-threats/2023/Exploits/CVE-2023-23752/web_cve_2023_23752_joomla_exploit_attempt.yml");
        String f5 = id("rules/web/webserver_generic/web_f5_tm_utility_bash_api_request.yml");
        for (Function<Request, String> form : FORMS) {
            String name = form.apply(new Request("GET", "/", "", BROWSER));
            assertThat(firedOn(form, new Request("GET", "/download", "file=../../../etc/passwd", BROWSER)))
                    .as(name)
                    .contains(traversal);
            assertThat(firedOn(form, new Request("GET", "/download", "file=reports/2026/march.pdf", BROWSER)))
                    .as(name)
                    .doesNotContain(traversal);
            // path and query together
            assertThat(firedOn(
                            form, new Request("GET", "/api/index.php/v1/config/application", "public=true", BROWSER)))
                    .as(name)
                    .contains(joomla);
            assertThat(firedOn(form, new Request("GET", "/api/index.php/v1/config/application", "", BROWSER)))
                    .as(name)
                    .doesNotContain(joomla);
            // the path of a request without a query
            assertThat(firedOn(form, new Request("POST", "/mgmt/tm/util/bash", "", BROWSER)))
                    .as(name)
                    .contains(f5);
            assertThat(firedOn(form, new Request("GET", "/mgmt/tm/util/bash", "", BROWSER)))
                    .as(name)
                    .doesNotContain(f5);
        }
    }

    @Test
    void userAgentRulesReadTheAgentAsTheClientSentIt() {
        assumeCorpus();
        String userAgents = id("rules/web/webserver_generic/web_susp_useragents.yml");
        for (Function<Request, String> form : FORMS) {
            String name = form.apply(new Request("GET", "/", "", BROWSER));
            // a value with spaces: CloudFront's percent-encoded agent is read decoded
            assertThat(firedOn(
                            form,
                            new Request(
                                    "GET",
                                    "/",
                                    "",
                                    "Mozilla/5.0 (compatible; Nmap Scripting Engine; https://nmap.org/book/nse.html)")))
                    .as(name)
                    .contains(userAgents);
            assertThat(firedOn(form, new Request("GET", "/", "", BROWSER)))
                    .as(name)
                    .doesNotContain(userAgents);
        }
    }

    @Test
    void noWebserverRuleFiresOnOrdinaryRequests() {
        assumeCorpus();
        Set<String> webserverRules = rules(r -> "webserver".equals(r.source().category()));
        assertThat(webserverRules).hasSizeGreaterThan(10);
        List<String> ordinary = new ArrayList<>();
        for (Function<Request, String> form : FORMS) {
            ordinary.add(form.apply(new Request("GET", "/", "", BROWSER)));
            ordinary.add(form.apply(new Request("GET", "/products/view", "id=42&sort=name", BROWSER)));
            ordinary.add(form.apply(new Request("POST", "/account/login", "ReturnUrl=%2Forders", BROWSER)));
        }
        for (String raw : ordinary) {
            assertThat(raw.startsWith("{") ? firedJson(raw) : fired(raw))
                    .as(raw)
                    .doesNotContainAnyElementsOf(webserverRules);
        }
    }
}
