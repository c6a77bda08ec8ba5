package io.socaas.correlation.sigma.yaml;

import static io.socaas.correlation.sigma.yaml.IngestedEvents.CORPUS;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.DNS;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.FIREWALL;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.PROXY;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.RULES;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.WEBSERVER;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.assumeCorpus;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.fired;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.firedJson;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.id;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.ingested;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.ingestedJson;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.json;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.jsonLines;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.logsources;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.routedLogsources;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.rules;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.wazuhLines;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.socaas.correlation.detection.domain.EventAdmission;
import io.socaas.correlation.sigma.domain.Logsource;
import io.socaas.events.ocsf.OcsfNormalizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * AWS CloudTrail records, Microsoft IIS W3C lines, Squid access-log lines, dnsmasq/Pi-hole query
 * lines and pfSense/OPNsense filterlog lines as ingestion normalizes them (event-model's {@link
 * OcsfNormalizer} over a decoded line or JSON record, then {@link EventAdmission}) are classified
 * into their Sigma logsources by the shipped mapping, and SigmaHQ rules of the shared corpus fire on
 * the attack they describe and stay silent on ordinary events. Real lines come from the corpus
 * (Wazuh's IIS test lines, logstash's Squid samples); the corpus has no CloudTrail record, dnsmasq
 * or filterlog line, so those are written after the sources' documented formats. Without the corpus
 * ({@code SOCAAS_CORPUS}) the rule tests are skipped.
 */
class CloudProxyAndFirewallLogsourcesTest {

    private static final Logsource CLOUDTRAIL = new Logsource("aws", null, "cloudtrail");
    private static final Logsource SIGNINLOGS = new Logsource("azure", null, "signinlogs");
    private static final Logsource AUDITLOGS = new Logsource("azure", null, "auditlogs");
    private static final Logsource ACTIVITYLOGS = new Logsource("azure", null, "activitylogs");

    // ---- AWS CloudTrail ------------------------------------------------------------------------

    /**
     * A CloudTrail record after the documented record contents (an IAM user's call from the AWS
     * CLI), with {@code changes} put over it: a dotted key sets a nested value, a null value
     * removes the field.
     */
    private static Map<String, Object> cloudTrail(Map<String, Object> changes) {
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("type", "IAMUser");
        identity.put("principalId", "AIDAJ45Q7YFFAREXAMPLE");
        identity.put("arn", "arn:aws:iam::123456789012:user/alice");
        identity.put("accountId", "123456789012");
        identity.put("accessKeyId", "AKIAIOSFODNN7EXAMPLE");
        identity.put("userName", "alice");
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("eventVersion", "1.08");
        record.put("userIdentity", identity);
        record.put("eventTime", "2026-03-01T09:15:02Z");
        record.put("eventSource", "ec2.amazonaws.com");
        record.put("eventName", "DescribeInstances");
        record.put("awsRegion", "us-east-1");
        record.put("sourceIPAddress", "203.0.113.9");
        record.put("userAgent", "aws-cli/2.15.30 Python/3.11.8 Linux/6.5.0 exe/x86_64.ubuntu.22");
        record.put("requestParameters", new LinkedHashMap<>(Map.of("instancesSet", Map.of(), "filterSet", Map.of())));
        record.put("responseElements", null);
        record.put("requestID", "0b5ad1b1-1c4e-4b43-9a3b-6d3f0c5f3a11");
        record.put("eventID", "6e8c3f2a-5b7d-4e1f-8a9c-2d4b6f8e0a12");
        record.put("readOnly", true);
        record.put("eventType", "AwsApiCall");
        record.put("managementEvent", true);
        record.put("recipientAccountId", "123456789012");
        record.put("eventCategory", "Management");
        changes.forEach((key, value) -> put(record, key, value));
        return record;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> record, String dotted, Object value) {
        String[] path = dotted.split("\\.");
        Map<String, Object> map = record;
        for (int i = 0; i < path.length - 1; i++) {
            Object next = map.get(path[i]);
            if (!(next instanceof Map<?, ?>)) {
                next = new LinkedHashMap<String, Object>();
                map.put(path[i], next);
            }
            map = (Map<String, Object>) next;
        }
        if (value == null) {
            map.remove(path[path.length - 1]);
        } else {
            map.put(path[path.length - 1], value);
        }
    }

    private static Map<String, Object> changes(Object... keyValues) {
        Map<String, Object> changes = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            changes.put((String) keyValues[i], keyValues[i + 1]);
        }
        return changes;
    }

    /** The record as CloudTrail writes it, as Wazuh's AWS module wraps it, and as EventBridge delivers it. */
    private static Map<String, String> shapes(Map<String, Object> record) {
        Map<String, Object> wazuh = new LinkedHashMap<>();
        wazuh.put("integration", "aws");
        wazuh.put("aws", record);
        Map<String, Object> eventBridge = new LinkedHashMap<>();
        eventBridge.put("version", "0");
        eventBridge.put("id", "7bf73129-1428-4cd3-a780-95db273d1602");
        eventBridge.put("detail-type", "AWS API Call via CloudTrail");
        eventBridge.put(
                "source", "aws." + String.valueOf(record.get("eventSource")).replace(".amazonaws.com", ""));
        eventBridge.put("account", "123456789012");
        eventBridge.put("time", "2026-03-01T09:15:02Z");
        eventBridge.put("region", "us-east-1");
        eventBridge.put("resources", List.of());
        eventBridge.put("detail", record);
        Map<String, String> shapes = new LinkedHashMap<>();
        shapes.put("flat", json(record));
        shapes.put("wazuh", json(wazuh));
        shapes.put("eventbridge", json(eventBridge));
        return shapes;
    }

    private static final Map<String, Object> ORDINARY_CALL = changes();

    @Test
    void cloudTrailRecordsAreAwsCloudtrailEventsInEveryShapeAndNothingElse() {
        for (Map.Entry<String, String> shape : shapes(cloudTrail(ORDINARY_CALL)).entrySet()) {
            Map<String, Object> event = ingestedJson(shape.getValue());
            assertThat(event).as(shape.getKey()).doesNotContainKey("class_uid"); // the source's fields
            assertThat(logsources(event)).as(shape.getKey()).contains(CLOUDTRAIL);
            assertThat(logsources(event).stream().map(Logsource::product).filter(p -> p != null))
                    .as("products of the %s record", shape.getKey())
                    .containsOnly("aws");
            assertThat(logsources(event).stream().map(Logsource::category).filter(c -> c != null))
                    .as("categories of the %s record", shape.getKey())
                    .isEmpty();
        }
        // a JSON event that only looks alike is not a CloudTrail record
        assertThat(logsources(ingestedJson("{\"integration\":\"gcp\",\"aws\":{\"eventName\":\"StopLogging\"}}")))
                .doesNotContain(CLOUDTRAIL);
        assertThat(logsources(
                        ingestedJson("{\"eventName\":\"StopLogging\",\"eventSource\":\"cloudtrail.amazonaws.com\"}")))
                .doesNotContain(CLOUDTRAIL);
    }

    /** A SigmaHQ cloudtrail rule, a record that has what it describes, and the same record without it. */
    private record AwsCase(String rule, Map<String, Object> attack, Map<String, Object> benign) {}

    private static List<AwsCase> awsCases() {
        String dir = "rules/cloud/aws/cloudtrail/";
        return List.of(
                new AwsCase(
                        dir + "aws_cloudtrail_disable_logging.yml",
                        changes(
                                "eventSource",
                                "cloudtrail.amazonaws.com",
                                "eventName",
                                "StopLogging",
                                "requestParameters.name",
                                "management-events"),
                        changes("eventSource", "cloudtrail.amazonaws.com", "eventName", "DescribeTrails")),
                new AwsCase(
                        dir + "aws_sts_getsessiontoken_misuse.yml",
                        changes("eventSource", "sts.amazonaws.com", "eventName", "GetSessionToken"),
                        changes(
                                "eventSource",
                                "sts.amazonaws.com",
                                "eventName",
                                "GetSessionToken",
                                "userIdentity.type",
                                "AssumedRole")),
                new AwsCase(
                        dir + "aws_ec2_startup_script_change.yml",
                        changes(
                                "eventName",
                                "ModifyInstanceAttribute",
                                "requestParameters.instanceId",
                                "i-0abcd1234efgh5678",
                                "requestParameters.attribute",
                                "userData"),
                        changes(
                                "eventName",
                                "ModifyInstanceAttribute",
                                "requestParameters.instanceId",
                                "i-0abcd1234efgh5678",
                                "requestParameters.attribute",
                                "instanceType")),
                new AwsCase(
                        dir + "aws_cloudtrail_console_login_success_without_mfa.yml",
                        changes(
                                "eventSource",
                                "signin.amazonaws.com",
                                "eventName",
                                "ConsoleLogin",
                                "userAgent",
                                "Mozilla/5.0 (Windows NT 10.0; Win64; x64)",
                                "responseElements",
                                Map.of("ConsoleLogin", "Success"),
                                "additionalEventData.MFAUsed",
                                "No",
                                "additionalEventData.LoginTo",
                                "https://console.aws.amazon.com/console/home"),
                        changes(
                                "eventSource",
                                "signin.amazonaws.com",
                                "eventName",
                                "ConsoleLogin",
                                "userAgent",
                                "Mozilla/5.0 (Windows NT 10.0; Win64; x64)",
                                "responseElements",
                                Map.of("ConsoleLogin", "Success"),
                                "additionalEventData.MFAUsed",
                                "Yes",
                                "additionalEventData.LoginTo",
                                "https://console.aws.amazon.com/console/home")),
                // errorCode: null asks that the call did not fail: absent in every shape
                new AwsCase(
                        dir + "aws_cloudtrail_ssm_malicious_usage.yml",
                        changes("eventSource", "ssm.amazonaws.com", "eventName", "SendCommand"),
                        changes(
                                "eventSource",
                                "ssm.amazonaws.com",
                                "eventName",
                                "SendCommand",
                                "errorCode",
                                "AccessDenied",
                                "errorMessage",
                                "User is not authorized")),
                new AwsCase(
                        dir + "aws_sts_getcalleridentity_trufflehog.yml",
                        changes(
                                "eventSource",
                                "sts.amazonaws.com",
                                "eventName",
                                "GetCallerIdentity",
                                "userAgent",
                                "TruffleHog"),
                        changes("eventSource", "sts.amazonaws.com", "eventName", "GetCallerIdentity")),
                new AwsCase(
                        dir + "aws_enum_buckets.yml",
                        changes("eventSource", "s3.amazonaws.com", "eventName", "ListBuckets"),
                        changes(
                                "eventSource",
                                "s3.amazonaws.com",
                                "eventName",
                                "ListBuckets",
                                "userIdentity.type",
                                "AssumedRole",
                                "userIdentity.arn",
                                "arn:aws:sts::123456789012:assumed-role/Admin/alice")),
                new AwsCase(
                        dir + "aws_root_account_usage.yml",
                        changes(
                                "userIdentity.type",
                                "Root",
                                "userIdentity.arn",
                                "arn:aws:iam::123456789012:root",
                                "userIdentity.userName",
                                null),
                        changes(
                                "userIdentity.type",
                                "Root",
                                "userIdentity.arn",
                                "arn:aws:iam::123456789012:root",
                                "userIdentity.userName",
                                null,
                                "eventType",
                                "AwsServiceEvent")));
    }

    @Test
    void cloudTrailRulesFireOnTheirAttackInEveryShapeAndNotOnTheSameCallWithoutIt() {
        assumeCorpus();
        for (AwsCase c : awsCases()) {
            String rule = id(c.rule());
            Map<String, String> attack = shapes(cloudTrail(c.attack()));
            Map<String, String> benign = shapes(cloudTrail(c.benign()));
            for (String shape : attack.keySet()) {
                assertThat(firedJson(attack.get(shape)))
                        .as("%s on the %s attack record", c.rule(), shape)
                        .contains(rule);
                assertThat(firedJson(benign.get(shape)))
                        .as("%s on the %s benign record", c.rule(), shape)
                        .doesNotContain(rule);
            }
        }
    }

    @Test
    void noAwsRuleFiresOnAnOrdinaryCallAndOnlyAwsRulesFireOnCloudTrail() {
        assumeCorpus();
        Set<String> awsRules = rules(r -> "aws".equals(r.source().product()));
        assertThat(awsRules).hasSizeGreaterThan(50);
        for (Map.Entry<String, String> shape : shapes(cloudTrail(ORDINARY_CALL)).entrySet()) {
            assertThat(firedJson(shape.getValue())).as(shape.getKey()).doesNotContainAnyElementsOf(awsRules);
        }
        // a root user's StopLogging: the rules that fire are all CloudTrail rules
        Map<String, Object> attack = changes(
                "eventSource",
                "cloudtrail.amazonaws.com",
                "eventName",
                "StopLogging",
                "userIdentity.type",
                "Root",
                "userIdentity.arn",
                "arn:aws:iam::123456789012:root");
        for (Map.Entry<String, String> shape : shapes(cloudTrail(attack)).entrySet()) {
            List<String> fired = firedJson(shape.getValue());
            assertThat(fired).as(shape.getKey()).hasSizeGreaterThanOrEqualTo(2).isSubsetOf(awsRules);
        }
    }

    // ---- Microsoft IIS ------------------------------------------------------------------------

    /** An IIS line with IIS's default fields, as IIS writes it to its log file. */
    private static String iis(String method, String stem, String query, String userAgent, int status) {
        return "2026-03-01 09:15:02 10.0.0.5 " + method + " " + stem + " " + query + " 443 - 203.0.113.9 " + userAgent
                + " " + status + " 0 0 46";
    }

    /** The same, with the site fields and the referrer, forwarded inside syslog. */
    private static String iisSyslog(String method, String stem, String query, String userAgent, int status) {
        return "<134>Mar  1 09:15:03 web01 IIS: 2026-03-01 09:15:02 W3SVC1 WEB01 10.0.0.5 " + method + " " + stem + " "
                + query + " 443 - 203.0.113.9 HTTP/1.1 " + userAgent + " https://www.example.org/ " + status
                + " 0 0 46";
    }

    private static final String IIS_BROWSER = "Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64)+AppleWebKit/537.36";

    private static List<Function<String[], String>> iisForms() {
        return List.of(
                a -> iis(
                        a[0],
                        a[1],
                        a[2],
                        a.length > 3 ? a[3] : IIS_BROWSER,
                        a.length > 4 ? Integer.parseInt(a[4]) : 200),
                a -> iisSyslog(
                        a[0],
                        a[1],
                        a[2],
                        a.length > 3 ? a[3] : IIS_BROWSER,
                        a.length > 4 ? Integer.parseInt(a[4]) : 200));
    }

    /** Wazuh's IIS test lines (W3C with IIS's default fields). */
    private static List<String> realIisLines() {
        return wazuhLines(
                l -> l.matches("^\\d{4}-\\d{2}-\\d{2} [\\d:]{8} .* (GET|POST|HEAD) /.* \\d{3} \\d+ \\d+ \\d+$"));
    }

    @Test
    void iisLinesAreWebserverEventsWithTheirQueryAndPathApart() {
        assumeCorpus();
        List<String> real = realIisLines();
        assertThat(real).hasSizeGreaterThanOrEqualTo(3);
        for (String line : real) {
            Map<String, Object> event = ingested(line);
            assertThat(event).as(line).containsKeys("urlPath", "urlQuery", "win32Status");
            assertThat(logsources(event)).as(line).contains(WEBSERVER).doesNotContain(PROXY, FIREWALL, DNS);
            assertThat(logsources(event).stream().map(Logsource::product).filter(p -> p != null))
                    .as(line)
                    .isEmpty();
        }
        for (Function<String[], String> form : iisForms()) {
            String line = form.apply(new String[] {"GET", "/products/view.aspx", "id=42"});
            assertThat(ingested(line))
                    .containsEntry("urlPath", "/products/view.aspx")
                    .containsEntry("urlQuery", "id=42");
            assertThat(logsources(ingested(line))).as(line).contains(WEBSERVER);
        }
    }

    @Test
    void webserverRulesFireOnAttacksInAnIisQuery() {
        assumeCorpus();
        String traversal = id("rules/web/webserver_generic/web_path_traversal_exploitation_attempt.yml");
        String windowsPath = id("rules/web/webserver_generic/web_susp_windows_path_uri.yml");
        String sqli = id("rules/web/webserver_generic/web_sql_injection_in_access_logs.yml");
        for (Function<String[], String> form : iisForms()) {
            // cs-uri-query is IIS's query when the request has one
            assertThat(fired(form.apply(new String[] {"GET", "/cgi-bin/view.aspx", "file=../../../etc/passwd"})))
                    .contains(traversal);
            assertThat(fired(form.apply(new String[] {"GET", "/cgi-bin/view.aspx", "file=reports/2026/march.pdf"})))
                    .doesNotContain(traversal);
            assertThat(fired(form.apply(new String[] {"GET", "/download.aspx", "file=C:/Windows/win.ini"})))
                    .contains(windowsPath);
            assertThat(fired(form.apply(new String[] {"GET", "/download.aspx", "file=/files/C-Windows.txt"})))
                    .doesNotContain(windowsPath);
            String injection = "id=1%20UNION%20SELECT%20username,password%20FROM%20users--";
            assertThat(fired(form.apply(new String[] {"GET", "/products/view.aspx", injection})))
                    .contains(sqli);
            // the rule leaves out requests that found nothing (404) and asks for GET
            assertThat(fired(form.apply(new String[] {"GET", "/products/view.aspx", injection, IIS_BROWSER, "404"})))
                    .doesNotContain(sqli);
            assertThat(fired(form.apply(new String[] {"POST", "/products/view.aspx", injection})))
                    .doesNotContain(sqli);
            assertThat(fired(form.apply(new String[] {"GET", "/products/view.aspx", "id=42&sort=name"})))
                    .doesNotContain(sqli);
        }
    }

    @Test
    void webserverRulesOnAPathSeeTheIisPathOfARequestWithoutAQuery() {
        assumeCorpus();
        String shortname = id("rules/web/webserver_generic/web_iis_tilt_shortname_scan.yml");
        String f5 = id("rules/web/webserver_generic/web_f5_tm_utility_bash_api_request.yml");
        String userAgents = id("rules/web/webserver_generic/web_susp_useragents.yml");
        for (Function<String[], String> form : iisForms()) {
            assertThat(fired(form.apply(new String[] {"GET", "/*~1*/a.aspx", "-"})))
                    .contains(shortname);
            // the rule counts only successful probes
            assertThat(fired(form.apply(new String[] {"GET", "/*~1*/a.aspx", "-", IIS_BROWSER, "404"})))
                    .doesNotContain(shortname);
            assertThat(fired(form.apply(new String[] {"GET", "/default.aspx", "-"})))
                    .doesNotContain(shortname);
            assertThat(fired(form.apply(new String[] {"POST", "/mgmt/tm/util/bash", "-"})))
                    .contains(f5);
            assertThat(fired(form.apply(new String[] {"GET", "/mgmt/tm/util/bash", "-"})))
                    .doesNotContain(f5);
            assertThat(fired(form.apply(new String[] {"GET", "/", "-", "sqlmap/1.7.2#stable+(https://sqlmap.org)"})))
                    .contains(userAgents);
            assertThat(fired(form.apply(new String[] {"GET", "/", "-"}))).doesNotContain(userAgents);
        }
    }

    @Test
    void noWebserverRuleFiresOnOrdinaryIisRequests() {
        assumeCorpus();
        Set<String> webserverRules = rules(r -> "webserver".equals(r.source().category()));
        assertThat(webserverRules).hasSizeGreaterThan(10);
        List<String> ordinary = new ArrayList<>();
        for (Function<String[], String> form : iisForms()) {
            ordinary.add(form.apply(new String[] {"GET", "/", "-"}));
            ordinary.add(form.apply(new String[] {"GET", "/products/view.aspx", "id=42&sort=name"}));
            ordinary.add(form.apply(new String[] {"POST", "/account/login.aspx", "ReturnUrl=%2Forders"}));
            ordinary.add(form.apply(new String[] {"GET", "/images/logo.png", "-", IIS_BROWSER, "304"}));
        }
        // Wazuh's ordinary IIS request (a device's 302)
        ordinary.addAll(realIisLines().stream().filter(l -> l.contains(" 302 ")).toList());
        for (String line : ordinary) {
            assertThat(fired(line)).as(line).doesNotContainAnyElementsOf(webserverRules);
        }
    }

    // ---- Squid ------------------------------------------------------------------------------------

    /** A Squid native access.log line. */
    private static String squid(String method, String url, int status) {
        String code = method.equals("CONNECT") ? "TCP_TUNNEL" : status == 403 ? "TCP_DENIED" : "TCP_MISS";
        return "1772356502.123    187 10.1.2.3 " + code + "/" + status + " 5120 " + method + " " + url
                + " alice HIER_DIRECT/198.51.100.80 " + (method.equals("CONNECT") ? "-" : "text/html");
    }

    /** logstash's Squid samples (native access.log). */
    private static List<String> realSquidLines() {
        Path samples = CORPUS.resolve("logstash-patterns-core/spec-samples.jsonl");
        assumeTrue(Files.isRegularFile(samples), samples + " not found (set SOCAAS_CORPUS): skipped");
        return jsonLines(samples).stream()
                .filter(s -> "SQUID3".equals(s.path("pattern").asText()))
                .map(s -> s.path("message").asText())
                .distinct()
                .toList();
    }

    @Test
    void squidRequestsAreProxyEvents() {
        assumeCorpus();
        List<String> real = realSquidLines();
        assertThat(real).hasSizeGreaterThanOrEqualTo(3);
        assertThat(real).anyMatch(l -> l.contains(" CONNECT "));
        Set<String> proxyRules = rules(r -> "proxy".equals(r.source().category()));
        assertThat(proxyRules).hasSizeGreaterThan(50);
        for (String line : real) {
            Map<String, Object> event = ingested(line);
            assertThat(event).as(line).containsKeys("squidTime", "resultCode", "url");
            assertThat(logsources(event)).as(line).contains(PROXY).doesNotContain(WEBSERVER, FIREWALL, DNS);
            assertThat(logsources(event).stream().map(Logsource::product).filter(p -> p != null))
                    .as(line)
                    .isEmpty();
            // ordinary requests: no proxy rule fires
            assertThat(fired(line)).as(line).doesNotContainAnyElementsOf(proxyRules);
        }
    }

    @Test
    void proxyRulesFireOnSquidRequestsToWhatTheyDescribe() {
        assumeCorpus();
        // cs-host: the URL's host, and for a CONNECT (HTTPS) the tunnel's host
        String telegram = id("rules/web/proxy_generic/proxy_telegram_api.yml");
        assertThat(fired(squid("CONNECT", "api.telegram.org:443", 200))).contains(telegram);
        assertThat(fired(squid("GET", "http://api.telegram.org/bot123456:AAE/getUpdates", 200)))
                .contains(telegram);
        assertThat(fired(squid("CONNECT", "www.example.org:443", 200))).doesNotContain(telegram);
        assertThat(fired(squid("GET", "http://www.example.org/api.telegram.org", 200)))
                .doesNotContain(telegram);

        // c-uri: the URL
        String paste = id("rules/web/proxy_generic/proxy_raw_paste_service_access.yml");
        assertThat(fired(squid("GET", "http://www.pastebin.com/raw/x1Y2z3", 200)))
                .contains(paste);
        assertThat(fired(squid("GET", "http://www.example.org/raw/x1Y2z3", 200)))
                .doesNotContain(paste);

        // c-uri-query: the URL's query
        String scanner = id("rules/web/proxy_generic/proxy_pua_advanced_ip_scanner_update_check.yml");
        String update = "http://www.advanced-ip-scanner.com/checkupdate.php";
        assertThat(fired(squid("GET", update + "?lng=en&ver=2-5-3499&beta=n&type=upd&rmode=p&product=aips", 200)))
                .contains(scanner);
        assertThat(fired(squid("GET", update + "?lng=en&ver=2-5-3499", 200))).doesNotContain(scanner);

        // cs-uri, cs-method and sc-status
        String citrix = id("rules-emerging-threats/2023/Exploits/CVE-2023-4966/"
                + "proxy_exploit_cve_2023_4966_citrix_sensitive_information_disclosure_exploit_attempt.yml");
        String openid = "http://gw.example.org/oauth/idp/.well-known/openid-configuration";
        assertThat(fired(squid("GET", openid, 200))).contains(citrix);
        assertThat(fired(squid("GET", openid, 403))).doesNotContain(citrix);
        assertThat(fired(squid("POST", openid, 200))).doesNotContain(citrix);
    }

    // ---- Broadcom ProxySG ---------------------------------------------------------------------------

    /** A ProxySG main-format access log line (the format's default fields) for a request through the proxy. */
    private static String proxySg(
            String method, String scheme, String host, String path, String query, int status, String userAgent) {
        return "2024-03-22 16:16:01 48 10.82.255.36 " + status + " TCP_NC_MISS 1242 969 " + method + " " + scheme + " "
                + host + " " + (scheme.equals("https") ? 443 : 80) + " " + path + " "
                + (query == null ? "-" : "?" + query)
                + " aeinstein - " + host + " text/html - \"" + userAgent + "\" OBSERVED \"Technology/Internet\" -"
                + " 81.2.69.144";
    }

    private static final String BROWSER =
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0";

    @Test
    void proxySgRequestsAreProxyEventsAndProxyRulesFireOnWhatTheyDescribe() {
        assumeCorpus();
        String ordinary = proxySg("GET", "https", "www.example.org", "/index.html", null, 200, BROWSER);
        Map<String, Object> event = ingested(ordinary);
        assertThat(event).containsKeys("filterResult", "host", "path");
        assertThat(logsources(event)).contains(PROXY).doesNotContain(WEBSERVER, FIREWALL, DNS);
        Set<String> proxyRules = rules(r -> "proxy".equals(r.source().category()));
        assertThat(fired(ordinary)).doesNotContainAnyElementsOf(proxyRules);

        // cs-host
        String telegram = id("rules/web/proxy_generic/proxy_telegram_api.yml");
        assertThat(fired(proxySg("GET", "https", "api.telegram.org", "/bot123456:AAE/getUpdates", null, 200, BROWSER)))
                .contains(telegram);
        assertThat(fired(proxySg("GET", "https", "www.example.org", "/api.telegram.org", null, 200, BROWSER)))
                .doesNotContain(telegram);
        // c-uri: the URL joined from its parts
        String paste = id("rules/web/proxy_generic/proxy_raw_paste_service_access.yml");
        assertThat(fired(proxySg("GET", "https", "www.pastebin.com", "/raw/x1Y2z3", null, 200, BROWSER)))
                .contains(paste);
        assertThat(fired(proxySg("GET", "https", "www.example.org", "/raw/x1Y2z3", null, 200, BROWSER)))
                .doesNotContain(paste);
        // c-uri-query
        String scanner = id("rules/web/proxy_generic/proxy_pua_advanced_ip_scanner_update_check.yml");
        assertThat(fired(proxySg(
                        "GET",
                        "http",
                        "www.advanced-ip-scanner.com",
                        "/checkupdate.php",
                        "lng=en&ver=2-5-3499&beta=n&type=upd&rmode=p&product=aips",
                        200,
                        BROWSER)))
                .contains(scanner);
        assertThat(fired(proxySg(
                        "GET", "http", "www.advanced-ip-scanner.com", "/checkupdate.php", "lng=en", 200, BROWSER)))
                .doesNotContain(scanner);
        // cs-uri, cs-method and sc-status
        String citrix = id("rules-emerging-threats/2023/Exploits/CVE-2023-4966/"
                + "proxy_exploit_cve_2023_4966_citrix_sensitive_information_disclosure_exploit_attempt.yml");
        String openid = "/oauth/idp/.well-known/openid-configuration";
        assertThat(fired(proxySg("GET", "https", "gw.example.org", openid, null, 200, BROWSER)))
                .contains(citrix);
        assertThat(fired(proxySg("GET", "https", "gw.example.org", openid, null, 403, BROWSER)))
                .doesNotContain(citrix);
        assertThat(fired(proxySg("POST", "https", "gw.example.org", openid, null, 200, BROWSER)))
                .doesNotContain(citrix);
    }

    // ---- Forcepoint (Websense) Web Security, key=value ----------------------------------------------

    /** A Forcepoint Web Security key=value syslog line for a request through the proxy. */
    private static String forcepoint(String method, String url, int status) {
        return "May 22 11:22:10 172.19.1.11 vendor=Websense product=Security product_version=7.7.0 action="
                + (status == 403 ? "blocked" : "permitted") + " severity=1 category=76 user=- src_host=172.19.1.133"
                + " src_port=55863 dst_host=" + java.net.URI.create(url).getHost() + " dst_ip=74.125.71.103 dst_port=80"
                + " bytes_out=635 bytes_in=25128 http_response=" + (status == 403 ? 0 : status) + " http_method="
                + method
                + " http_content_type=text/html http_user_agent=Mozilla/5.0_(X11;_U;_Linux_x86_64)"
                + " http_proxy_status_code=" + status + " reason=- disposition=1026 policy=- role=8 duration=0 url="
                + url;
    }

    @Test
    void forcepointRequestsAreProxyEventsAndProxyRulesFireOnWhatTheyDescribe() {
        assumeCorpus();
        String ordinary = forcepoint("GET", "http://www.google.com/", 200);
        assertThat(logsources(ingested(ordinary))).contains(PROXY).doesNotContain(WEBSERVER, FIREWALL, DNS);
        Set<String> proxyRules = rules(r -> "proxy".equals(r.source().category()));
        assertThat(fired(ordinary)).doesNotContainAnyElementsOf(proxyRules);

        String telegram = id("rules/web/proxy_generic/proxy_telegram_api.yml");
        assertThat(fired(forcepoint("GET", "https://api.telegram.org/bot123456:AAE/getUpdates", 200)))
                .contains(telegram);
        assertThat(fired(forcepoint("GET", "https://www.example.org/api.telegram.org", 200)))
                .doesNotContain(telegram);
        String scanner = id("rules/web/proxy_generic/proxy_pua_advanced_ip_scanner_update_check.yml");
        String update = "http://www.advanced-ip-scanner.com/checkupdate.php";
        assertThat(fired(forcepoint("GET", update + "?lng=en&ver=2-5-3499&beta=n&type=upd&rmode=p&product=aips", 200)))
                .contains(scanner);
        assertThat(fired(forcepoint("GET", update + "?lng=en", 200))).doesNotContain(scanner);
        // sc-status: the proxy's answer to the client
        String citrix = id("rules-emerging-threats/2023/Exploits/CVE-2023-4966/"
                + "proxy_exploit_cve_2023_4966_citrix_sensitive_information_disclosure_exploit_attempt.yml");
        String openid = "https://gw.example.org/oauth/idp/.well-known/openid-configuration";
        assertThat(fired(forcepoint("GET", openid, 200))).contains(citrix);
        assertThat(fired(forcepoint("GET", openid, 403))).doesNotContain(citrix);
    }

    // ---- Netskope web page events --------------------------------------------------------------------

    /**
     * A Netskope page event as its API returns it (the page event Google SecOps SOAR's Netskope
     * integration documents for its List Events action, trimmed of geolocation and internal fields),
     * for a user agent and a URL without its scheme, as Netskope logs it.
     */
    private static String netskopePage(String userAgent, String url) {
        String domain = url.substring(0, url.indexOf('/'));
        return ("{\"_id\":\"b409336bf27717234f0e7df6\",\"_insertion_epoch_timestamp\":1739864352,\"access_method\":\"Client\","
                        + "\"app\":\"Trend Micro Password Manager\",\"appcategory\":\"Security\",\"browser\":\"Chrome\","
                        + "\"category\":\"Security\",\"cci\":65,\"ccl\":\"medium\",\"client_bytes\":24464,\"conn_duration\":30,"
                        + "\"count\":1,\"device\":\"Windows Device\",\"domain\":\"%s\",\"dstip\":\"23.75.209.85\",\"dstport\":443,"
                        + "\"hostname\":\"instance-ngcc1\",\"http_transaction_count\":15,\"netskope_pop\":\"US-SEA2\","
                        + "\"numbytes\":157866,\"os\":\"Windows Server 2016\",\"page\":\"%s\",\"protocol\":\"HTTP/1.1\","
                        + "\"req_cnt\":15,\"resp_cnt\":15,\"server_bytes\":133402,\"site\":\"Trend Micro Password Manager\","
                        + "\"srcip\":\"34.82.190.203\",\"timestamp\":1739864243,\"traffic_type\":\"CloudApp\",\"type\":\"connection\","
                        + "\"ur_normalized\":\"dl-ngcc-engg@exabeamengineering2.onmicrosoft.com\",\"url\":\"%s\","
                        + "\"user\":\"DL-NGCC-ENGG@exabeamengineering2.onmicrosoft.com\",\"user_generated\":\"yes\","
                        + "\"useragent\":\"%s\",\"userip\":\"10.70.0.19\"}")
                .formatted(domain, url, url, userAgent);
    }

    private static final String CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like"
            + " Gecko) Chrome/132.0.0.0 Safari/537.36";

    @Test
    void netskopePageEventsAreProxyEventsAndProxyRulesFireOnWhatTheyDescribe() {
        assumeCorpus();
        String ordinary = netskopePage(
                CHROME,
                "docs.trendmicro.com/all/ent/de/v1.5/en-us/de_1.5_olh/ctm_ag/ctm1_ag_ch8/t_test_eicar_file.htm");
        assertThat(logsources(ingestedJson(ordinary))).contains(PROXY).doesNotContain(WEBSERVER, FIREWALL, DNS);
        Set<String> proxyRules = rules(r -> "proxy".equals(r.source().category()));
        assertThat(firedJson(ordinary)).doesNotContainAnyElementsOf(proxyRules);

        // cs-host
        String telegram = id("rules/web/proxy_generic/proxy_telegram_api.yml");
        assertThat(firedJson(netskopePage(CHROME, "api.telegram.org/bot123456:AAE/getUpdates")))
                .contains(telegram);
        assertThat(firedJson(netskopePage(CHROME, "www.example.org/api.telegram.org")))
                .doesNotContain(telegram);
        // c-uri, without its scheme
        String paste = id("rules/web/proxy_generic/proxy_raw_paste_service_access.yml");
        assertThat(firedJson(netskopePage(CHROME, "www.pastebin.com/raw/x1Y2z3")))
                .contains(paste);
        assertThat(firedJson(netskopePage(CHROME, "www.example.org/raw/x1Y2z3")))
                .doesNotContain(paste);
        // c-useragent
        String rclone = id("rules/web/proxy_generic/proxy_ua_rclone.yml");
        assertThat(firedJson(netskopePage("rclone/v1.65.0", "www.example.org/upload")))
                .contains(rclone);
        assertThat(firedJson(netskopePage(CHROME, "www.example.org/upload"))).doesNotContain(rclone);

        // Netskope's other events (an application event, an audit record) are no proxy events
        String application = ordinary.replace("\"type\":\"connection\"", "\"type\":\"nspolicy\"");
        assertThat(logsources(ingestedJson(application))).doesNotContain(PROXY);
        // nor is another product's JSON that says connection
        String other = "{\"type\":\"connection\",\"page\":\"www.pastebin.com/raw/x1Y2z3\","
                + "\"url\":\"www.pastebin.com/raw/x1Y2z3\",\"domain\":\"www.pastebin.com\"}";
        assertThat(logsources(ingestedJson(other))).doesNotContain(PROXY);
    }

    // ---- Windows DNS Server debug log ---------------------------------------------------------------

    @Test
    void windowsDnsDebugQueriesAreDnsEventsAndDnsRulesFireOnThem() {
        assumeCorpus();
        String query = "4/21/2026 1:32:00 PM 0E54 PACKET  000001D0CCAB8E70 UDP Rcv 10.0.0.5        8f3a   Q "
                + "[0001   D   NOERROR] A      %s";
        String response = "4/21/2026 1:32:00 PM 0E54 PACKET  000001D0CCAB8E70 UDP Snd 10.0.0.5        8f3a R Q "
                + "[8081   DR  NOERROR] A      %s";
        String forwarded = "4/21/2026 1:32:00 PM 0E54 PACKET  000001D0CD0A1150 UDP Snd 8.8.8.8         2b1c   Q "
                + "[0001   D   NOERROR] A      %s";
        String ordinary = "(3)www(7)example(3)org(0)";
        Map<String, Object> event = ingested(query.formatted(ordinary));
        assertThat(event).containsEntry("query", "www.example.org");
        assertThat(logsources(event)).contains(DNS).doesNotContain(FIREWALL, PROXY, WEBSERVER);
        // the response to the client and the query forwarded upstream are the same lookup: no second DNS event
        assertThat(logsources(ingested(response.formatted(ordinary)))).doesNotContain(DNS);
        assertThat(logsources(ingested(forwarded.formatted(ordinary)))).doesNotContain(DNS);

        String wannacry = id("rules/network/dns/net_dns_wannacry_killswitch_domain.yml");
        String killswitch = "(41)ifferfsodp9ifjaposdfjhgosurijfaewrwergwea(3)com(0)";
        Set<String> dnsRules = rules(r -> "dns".equals(r.source().category()));
        assertThat(fired(query.formatted(killswitch))).contains(wannacry);
        assertThat(fired(query.formatted(ordinary))).doesNotContainAnyElementsOf(dnsRules);
        assertThat(fired(response.formatted(killswitch))).doesNotContain(wannacry);
    }

    // ---- dnsmasq and Pi-hole ------------------------------------------------------------------------

    @Test
    void dnsmasqQueriesAreDnsEventsAndDnsRulesFireOnThem() {
        assumeCorpus();
        String query = "Mar  1 09:15:02 pihole dnsmasq[811]: query[A] %s from 192.168.1.20";
        String extra = "Mar  1 09:15:02 pihole pihole-FTL[811]: 4711 192.168.1.20/53012 query[A] %s from 192.168.1.20";
        String forwarded = "Mar  1 09:15:02 pihole dnsmasq[811]: forwarded %s to 1.1.1.1";
        String reply = "Mar  1 09:15:02 pihole dnsmasq[811]: reply %s is 104.16.249.249";
        String ordinary = "www.example.org";
        for (String line : List.of(query, extra)) {
            Map<String, Object> event = ingested(line.formatted(ordinary));
            assertThat(event).containsEntry("queryName", ordinary);
            assertThat(logsources(event)).as(line).contains(DNS).doesNotContain(FIREWALL, PROXY, WEBSERVER);
        }
        // the lines that follow a query name it again: not a second DNS event of the lookup
        for (String line : List.of(forwarded, reply)) {
            assertThat(logsources(ingested(line.formatted(ordinary)))).as(line).doesNotContain(DNS);
        }
        // a dnsmasq DHCP line is not a DNS event
        assertThat(
                        logsources(
                                ingested(
                                        "Mar  1 09:15:02 pihole dnsmasq-dhcp[811]: DHCPACK(eth0) 192.168.1.20 aa:bb:cc:dd:ee:ff laptop")))
                .doesNotContain(DNS);

        String wannacry = id("rules/network/dns/net_dns_wannacry_killswitch_domain.yml");
        String killswitch = "ifferfsodp9ifjaposdfjhgosurijfaewrwergwea.com";
        String interaction = id("rules/network/dns/net_dns_external_service_interaction_domains.yml");
        Set<String> dnsRules = rules(r -> "dns".equals(r.source().category()));
        for (String line : List.of(query, extra)) {
            assertThat(fired(line.formatted(killswitch))).as(line).contains(wannacry);
            assertThat(fired(line.formatted("c5a1b2.oast.fun"))).as(line).contains(interaction);
            assertThat(fired(line.formatted(ordinary))).as(line).doesNotContainAnyElementsOf(dnsRules);
        }
        assertThat(fired(forwarded.formatted(killswitch))).doesNotContain(wannacry);
    }

    // ---- pfSense / OPNsense filterlog -------------------------------------------------------------

    private static String filterlog(String action, String src, String dst, int dstPort) {
        return "<134>Mar  1 09:15:02 fw01 filterlog[4242]: 5,,,1000000103,igb0,match," + action
                + ",in,4,0x0,,64,12345,0,DF,6,tcp,60," + src + "," + dst + ",51234," + dstPort
                + ",0,S,123456,,64240,,mss;sackOK;TS;nop;wscale";
    }

    private static String filterlog6(String action, String src, String dst, int dstPort) {
        return "<134>Mar  1 09:15:02 fw01 filterlog[4242]: 81,,,1000000104,igb1,match," + action
                + ",out,6,0x00,0x00000,64,udp,17,40," + src + "," + dst + ",53124," + dstPort + ",40";
    }

    @Test
    void filterlogLinesAreFirewallEventsAndFirewallRulesFireOnThem() {
        assumeCorpus();
        List<String> ordinary = List.of(
                filterlog("block", "198.51.100.7", "192.168.1.10", 22),
                filterlog("pass", "192.168.1.10", "198.51.100.20", 443),
                filterlog6("pass", "2001:db8::10", "2001:db8:1::53", 53));
        Set<String> firewallRules = rules(r -> "firewall".equals(r.source().category()));
        for (String line : ordinary) {
            Map<String, Object> event = ingested(line);
            assertThat(event).as(line).containsKeys("srcIp", "dstIp", "dstPort", "filterAction");
            assertThat(logsources(event)).as(line).contains(FIREWALL).doesNotContain(DNS, PROXY, WEBSERVER);
            assertThat(logsources(event).stream().map(Logsource::product).filter(p -> p != null))
                    .as(line)
                    .isEmpty();
            assertThat(fired(line)).as(line).doesNotContainAnyElementsOf(firewallRules);
        }
        // a filterlog line without the packet's addresses is not a firewall event
        assertThat(logsources(ingested("<134>Mar  1 09:15:02 fw01 filterlog[4242]: some other message")))
                .doesNotContain(FIREWALL);

        String equation = id("rules-emerging-threats/2017/TA/Equation-Group/net_firewall_apt_equationgroup_c2.yml");
        assertThat(fired(filterlog("pass", "192.168.1.10", "69.42.98.86", 443))).contains(equation);
        assertThat(fired(filterlog("block", "89.185.234.145", "192.168.1.10", 22)))
                .contains(equation);
        assertThat(fired(filterlog("pass", "192.168.1.10", "69.42.98.87", 443))).doesNotContain(equation);
    }

    // ---- Cisco Meraki ---------------------------------------------------------------------------------

    private static String merakiFlow(String decision, String src, String dst, int dstPort) {
        return "<134>1 1772356502.048798929 hq_mx flows " + decision + " src=" + src + " dst=" + dst
                + " mac=E8:E8:B7:35:4A:C2 protocol=tcp sport=51234 dport=" + dstPort;
    }

    @Test
    void merakiFlowsAreFirewallEventsAndFirewallRulesFireOnThem() {
        assumeCorpus();
        Set<String> firewallRules = rules(r -> "firewall".equals(r.source().category()));
        for (String line : List.of(
                merakiFlow("allow", "192.168.1.10", "198.51.100.20", 443),
                merakiFlow("deny", "198.51.100.7", "192.168.1.10", 22))) {
            Map<String, Object> event = ingested(line);
            assertThat(logsources(event)).as(line).contains(FIREWALL).doesNotContain(DNS, PROXY, WEBSERVER);
            assertThat(fired(line)).as(line).doesNotContainAnyElementsOf(firewallRules);
        }
        // Meraki's URL log is no firewall event
        assertThat(logsources(ingested("<134>1 1772356502.949155659 ap1 urls src=10.0.0.8:51000"
                        + " dst=151.101.1.1:443 mac=13:0C:AC:B2:0F:11 request: GET https://example.org/")))
                .doesNotContain(FIREWALL);

        String equation = id("rules-emerging-threats/2017/TA/Equation-Group/net_firewall_apt_equationgroup_c2.yml");
        assertThat(fired(merakiFlow("allow", "192.168.1.10", "69.42.98.86", 443)))
                .contains(equation);
        assertThat(fired(merakiFlow("allow", "192.168.1.10", "69.42.98.87", 443)))
                .doesNotContain(equation);
    }

    // ---- routing over the corpus ----------------------------------------------------------------------

    /** Every aws/cloudtrail rule of the corpus that loads is routed to a mapped source. */
    // ---- Microsoft Entra ID sign-ins -------------------------------------------------------------

    /** A sign-in as Microsoft Graph returns it (signIns), with its result code and user agent. */
    private static String graphSignIn(int errorCode, String failureReason, String userAgent) {
        return json(Map.of(
                "id", "66ea54eb-6301-4ee5-be62-ff5a759b8100",
                "createdDateTime", "2026-03-01T09:15:02Z",
                "userPrincipalName", "alice@contoso.com",
                "appId", "de8bc8b5-d9f9-48b1-a8ad-b748da725064",
                "appDisplayName", "Graph Explorer",
                "ipAddress", "203.0.113.9",
                "clientAppUsed", "Browser",
                "userAgent", userAgent,
                "authenticationRequirement", "singleFactorAuthentication",
                "status", Map.of("errorCode", errorCode, "failureReason", failureReason)));
    }

    /** The same sign-in as an Azure Monitor diagnostic setting exports it. */
    private static String diagnosticSignIn(int errorCode, String failureReason, String userAgent) {
        return json(Map.of(
                "time", "2026-03-01T09:15:02Z",
                "operationName", "Sign-in activity",
                "category", "SignInLogs",
                "resultType", Integer.toString(errorCode),
                "resultDescription", failureReason,
                "callerIpAddress", "203.0.113.9",
                "properties",
                        Map.of(
                                "createdDateTime", "2026-03-01T09:15:02Z",
                                "userPrincipalName", "alice@contoso.com",
                                "appId", "de8bc8b5-d9f9-48b1-a8ad-b748da725064",
                                "ipAddress", "203.0.113.9",
                                "userAgent", userAgent,
                                "status", Map.of("errorCode", errorCode, "failureReason", failureReason))));
    }

    /** The same sign-in as a Log Analytics workspace holds it (Microsoft Sentinel, a data export). */
    private static String logAnalyticsSignIn(int errorCode, String failureReason, String userAgent) {
        return json(Map.ofEntries(
                Map.entry("TimeGenerated", "2026-03-01T09:15:02Z"),
                Map.entry("Type", "SigninLogs"),
                Map.entry("Category", "SignInLogs"),
                Map.entry("OperationName", "Sign-in activity"),
                Map.entry("ResultType", Integer.toString(errorCode)),
                Map.entry("ResultDescription", failureReason),
                Map.entry("UserPrincipalName", "alice@contoso.com"),
                Map.entry("AppId", "de8bc8b5-d9f9-48b1-a8ad-b748da725064"),
                Map.entry("AppDisplayName", "Graph Explorer"),
                Map.entry("IPAddress", "203.0.113.9"),
                Map.entry("ClientAppUsed", "Browser"),
                Map.entry("UserAgent", userAgent),
                Map.entry("AuthenticationRequirement", "singleFactorAuthentication"),
                Map.entry("Status", Map.of("errorCode", errorCode, "failureReason", failureReason))));
    }

    @Test
    void entraSignInsAreAzureSigninlogsEventsInEveryShape() {
        for (String record : List.of(
                graphSignIn(0, "Other.", "Mozilla/5.0"),
                diagnosticSignIn(0, "Other.", "Mozilla/5.0"),
                logAnalyticsSignIn(0, "Other.", "Mozilla/5.0"))) {
            assertThat(logsources(ingestedJson(record))).as(record).containsExactly(SIGNINLOGS);
        }
        // sign-ins through AD FS (Connect Health) and of Microsoft's own service principals, exported alike
        for (String record : List.of(
                diagnosticSignIn(50126, "Invalid username or password.", "Mozilla/5.0")
                        .replace("\"SignInLogs\"", "\"ADFSSignInLogs\""),
                diagnosticSignIn(0, "Other.", "Mozilla/5.0")
                        .replace("\"SignInLogs\"", "\"MicrosoftServicePrincipalSignInLogs\""),
                logAnalyticsSignIn(50126, "Invalid username or password.", "Mozilla/5.0")
                        .replace("\"SigninLogs\"", "\"ADFSSignInLogs\""))) {
            assertThat(record).containsAnyOf("ADFSSignInLogs", "MicrosoftServicePrincipalSignInLogs");
            assertThat(logsources(ingestedJson(record))).as(record).containsExactly(SIGNINLOGS);
        }
        // an Azure activity log record (another category) is not a sign-in
        assertThat(logsources(ingestedJson(json(Map.of(
                        "time", "2026-03-01T09:15:02Z",
                        "category", "Administrative",
                        "operationName", "MICROSOFT.COMPUTE/VIRTUALMACHINES/WRITE",
                        "properties", Map.of("statusCode", "Created"))))))
                .doesNotContain(SIGNINLOGS);
    }

    @Test
    void signinlogsRulesFireOnTheResultTheyDescribeInEveryShape() {
        assumeCorpus();
        String lockout = id("rules/cloud/azure/signin_logs/azure_account_lockout.yml");
        String disabled = id("rules/cloud/azure/signin_logs/azure_login_to_disabled_account.yml");
        String azurehound = id("rules/cloud/azure/signin_logs/azure_ad_azurehound_discovery.yml");
        String disabledReason = "User account is disabled. The account has been disabled by an administrator.";
        for (var shape : List.<SignIn>of(
                CloudProxyAndFirewallLogsourcesTest::graphSignIn,
                CloudProxyAndFirewallLogsourcesTest::diagnosticSignIn,
                CloudProxyAndFirewallLogsourcesTest::logAnalyticsSignIn)) {
            assertThat(firedJson(shape.of(50053, "Account is locked", "Mozilla/5.0")))
                    .contains(lockout)
                    .doesNotContain(disabled, azurehound);
            assertThat(firedJson(shape.of(50057, disabledReason, "Mozilla/5.0")))
                    .contains(disabled)
                    .doesNotContain(lockout);
            assertThat(firedJson(shape.of(0, "Other.", "azurehound/v2.1.0"))).contains(azurehound);
            // an ordinary successful sign-in fires none of them
            assertThat(firedJson(shape.of(0, "Other.", "Mozilla/5.0"))).doesNotContain(lockout, disabled, azurehound);
            // the failed sign-in of the tool is not its discovery run
            assertThat(firedJson(shape.of(50126, "Invalid username or password.", "azurehound/v2.1.0")))
                    .doesNotContain(azurehound);
        }
    }

    /** An Entra ID audit record as a diagnostic setting exports it (AuditLogs). */
    private static String exportedAudit(String activity, String category, String service, String result) {
        return json(Map.of(
                "time", "2026-03-01T09:15:02Z",
                "resourceId", "/tenants/1111/providers/Microsoft.aadiam",
                "operationName", activity,
                "category", "AuditLogs",
                "properties", directoryAudit(activity, category, service, result)));
    }

    /** The same record as Microsoft Graph returns it (directoryAudit). */
    private static String graphAudit(String activity, String category, String service, String result) {
        return json(directoryAudit(activity, category, service, result));
    }

    private static Map<String, Object> directoryAudit(String activity, String category, String service, String result) {
        return Map.of(
                "id",
                "Directory_1",
                "category",
                category,
                "result",
                result,
                "activityDisplayName",
                activity,
                "activityDateTime",
                "2026-03-01T09:15:02Z",
                "loggedByService",
                service,
                "operationType",
                "Update",
                "initiatedBy",
                Map.of("user", Map.of("userPrincipalName", "admin@contoso.com")),
                "targetResources",
                List.of(Map.of("id", "u-eve", "type", "User", "userPrincipalName", "eve@contoso.com")));
    }

    /** An Azure Activity log operation as a diagnostic setting exports it. */
    private static String exportedOperation(String operationName) {
        return json(Map.of(
                "time", "2026-03-01T09:18:02Z",
                "resourceId", "/SUBSCRIPTIONS/S1/RESOURCEGROUPS/RG1/PROVIDERS/X",
                "operationName", operationName,
                "category", "Administrative",
                "resultType", "Success",
                "callerIpAddress", "203.0.113.24",
                "properties", Map.of("statusCode", "OK")));
    }

    /** The same operation as the Activity Log REST API returns it. */
    private static String restOperation(String operationName) {
        return json(Map.of(
                "caller",
                "admin@contoso.com",
                "eventTimestamp",
                "2026-03-01T09:18:02Z",
                "resourceId",
                "/subscriptions/s1/resourceGroups/rg1/providers/x",
                "operationName",
                Map.of("value", operationName),
                "category",
                Map.of("value", "Administrative"),
                "status",
                Map.of("value", "Succeeded")));
    }

    @Test
    void entraAuditAndAzureActivityRecordsAreTheirServicesInEveryShape() {
        for (String record : List.of(
                exportedAudit("Add user", "UserManagement", "Core Directory", "success"),
                graphAudit("Add user", "UserManagement", "Core Directory", "success"))) {
            assertThat(logsources(ingestedJson(record))).as(record).containsExactly(AUDITLOGS);
        }
        for (String record : List.of(
                exportedOperation("MICROSOFT.COMPUTE/VIRTUALMACHINES/DELETE"),
                restOperation("Microsoft.Compute/virtualMachines/delete"))) {
            assertThat(logsources(ingestedJson(record))).as(record).containsExactly(ACTIVITYLOGS);
        }
    }

    @Test
    void auditAndActivityRulesFireOnWhatTheyDescribeInEveryShape() {
        assumeCorpus();
        // the export's operationName and properties.result, and the Log Analytics columns
        String mfaDisabled = id("rules/cloud/azure/audit_logs/azure_mfa_disabled.yml");
        String securityInfo = id("rules/cloud/azure/audit_logs/azure_change_to_authentication_method.yml");
        for (var shape : List.<Audit>of(
                CloudProxyAndFirewallLogsourcesTest::exportedAudit, CloudProxyAndFirewallLogsourcesTest::graphAudit)) {
            assertThat(firedJson(
                            shape.of("Disable Strong Authentication", "UserManagement", "Core Directory", "success")))
                    .contains(mfaDisabled)
                    .doesNotContain(securityInfo);
            assertThat(firedJson(
                            shape.of("Disable Strong Authentication", "UserManagement", "Core Directory", "failure")))
                    .doesNotContain(mfaDisabled);
            assertThat(firedJson(shape.of(
                            "User registered security info", "UserManagement", "Authentication Methods", "success")))
                    .contains(securityInfo)
                    .doesNotContain(mfaDisabled);
            assertThat(firedJson(shape.of("Add user", "UserManagement", "Core Directory", "success")))
                    .doesNotContain(mfaDisabled, securityInfo);
        }
        String nsg = id("rules/cloud/azure/activity_logs/azure_network_security_modified_or_deleted.yml");
        assertThat(firedJson(exportedOperation("MICROSOFT.NETWORK/NETWORKSECURITYGROUPS/SECURITYRULES/WRITE")))
                .contains(nsg);
        assertThat(firedJson(restOperation("Microsoft.Network/networkSecurityGroups/securityRules/write")))
                .contains(nsg);
        assertThat(firedJson(exportedOperation("MICROSOFT.COMPUTE/VIRTUALMACHINES/DELETE")))
                .doesNotContain(nsg);
        assertThat(firedJson(restOperation("Microsoft.Compute/virtualMachines/read")))
                .doesNotContain(nsg);
    }

    /** A Microsoft 365 unified audit log record (Office 365 Management Activity API). */
    private static Map<String, Object> m365Record(String operation) {
        return Map.of(
                "CreationTime", "2026-03-01T09:15:02",
                "Id", "4a4f5a1c-0000-0000-0000-000000000001",
                "Operation", operation,
                "OrganizationId", "1111",
                "RecordType", 8,
                "ResultStatus", "Success",
                "UserType", 0,
                "Workload", "AzureActiveDirectory",
                "ObjectId", "eve@contoso.com",
                "UserId", "admin@contoso.com");
    }

    @Test
    void m365AuditRulesFireOnUnifiedAuditRecordsInBothShapes() {
        assumeCorpus();
        String mfa = id("rules/cloud/m365/audit/microsoft365_disabling_mfa.yml");
        String disabled = json(m365Record("Disable Strong Authentication."));
        String wrapped =
                json(Map.of("integration", "office365", "office365", m365Record("Disable Strong Authentication.")));
        for (String record : List.of(disabled, wrapped)) {
            assertThat(logsources(ingestedJson(record))).as(record).contains(new Logsource("m365", null, "audit"));
            assertThat(firedJson(record)).as(record).contains(mfa);
        }
        assertThat(firedJson(json(m365Record("Add user.")))).doesNotContain(mfa);
        assertThat(firedJson(json(Map.of("integration", "office365", "office365", m365Record("Add user.")))))
                .doesNotContain(mfa);
    }

    @FunctionalInterface
    private interface Audit {
        String of(String activity, String category, String service, String result);
    }

    @FunctionalInterface
    private interface SignIn {
        String of(int errorCode, String failureReason, String userAgent);
    }

    @Test
    void everyCloudTrailRuleOfTheCorpusIsRouted() {
        assumeCorpus();
        List<Logsource> produced = routedLogsources();
        List<String> cloudTrail = new ArrayList<>();
        List<String> unrouted = new ArrayList<>();
        RULES.forEach((path, rule) -> {
            Logsource ls = rule.source();
            if (!("aws".equals(ls.product()) && "cloudtrail".equals(ls.service()))) {
                return;
            }
            cloudTrail.add(path);
            if (produced.stream().noneMatch(ls::covers)) {
                unrouted.add(path);
            }
        });
        System.out.printf(
                "aws/cloudtrail rules under sigma/rules*: %d load, %d routed%n",
                cloudTrail.size(), cloudTrail.size() - unrouted.size());
        assertThat(cloudTrail).hasSizeGreaterThan(50);
        assertThat(unrouted).isEmpty();
    }

    // ---- Google Cloud Audit Logs ----------------------------------------------------------------

    private static final Logsource GCP_AUDIT = new Logsource("gcp", null, "gcp.audit");

    /** An Admin Activity audit LogEntry (written after Google's AuditLog schema) of the given call. */
    private static String gcpAudit(String service, String method) {
        return """
                {"protoPayload": {"@type": "type.googleapis.com/google.cloud.audit.AuditLog", "status": {},
                  "authenticationInfo": {"principalEmail": "ops@example.com"},
                  "requestMetadata": {"callerIp": "198.51.100.14", "callerSuppliedUserAgent": "google-cloud-sdk"},
                  "serviceName": "%s", "methodName": "%s", "resourceName": "projects/acme-prod/x"},
                 "resource": {"type": "gcs_bucket", "labels": {"project_id": "acme-prod"}},
                 "timestamp": "2026-03-01T09:15:02Z", "severity": "NOTICE",
                 "logName": "projects/acme-prod/logs/cloudaudit.googleapis.com%%2Factivity"}""".formatted(service, method);
    }

    /** The same record as Wazuh's GCP module forwards it. */
    private static String wazuhGcp(String record) {
        return "{\"integration\":\"gcp\",\"gcp\":" + record + "}";
    }

    @Test
    void gcpAuditRecordsAreGcpAuditEventsAndTheirRulesFireOnTheCallsTheyDescribe() {
        for (String shape : List.of(
                gcpAudit("storage.googleapis.com", "storage.objects.get"),
                wazuhGcp(gcpAudit("storage.googleapis.com", "storage.objects.get")))) {
            assertThat(logsources(ingestedJson(shape))).contains(GCP_AUDIT);
        }
        assertThat(logsources(ingestedJson("{\"protoPayload\":{\"methodName\":\"storage.buckets.delete\"}}")))
                .doesNotContain(GCP_AUDIT);
        assumeCorpus();
        record GcpCase(String rule, String service, String attack, String benign) {}
        String dir = "rules/cloud/gcp/audit/";
        for (GcpCase c : List.of(
                new GcpCase(
                        dir + "gcp_bucket_modified_or_deleted.yml",
                        "storage.googleapis.com",
                        "storage.buckets.delete",
                        "storage.buckets.get"),
                new GcpCase(
                        dir + "gcp_bucket_enumeration.yml",
                        "storage.googleapis.com",
                        "storage.buckets.list",
                        "storage.objects.list"),
                new GcpCase(
                        dir + "gcp_firewall_rule_modified_or_deleted.yml",
                        "compute.googleapis.com",
                        "v1.compute.firewalls.delete",
                        "v1.compute.firewalls.get"),
                new GcpCase(
                        dir + "gcp_kubernetes_secrets_modified_or_deleted.yml",
                        "k8s.io",
                        "io.k8s.core.v1.secrets.delete",
                        "io.k8s.core.v1.secrets.get"))) {
            String rule = id(c.rule());
            for (boolean wazuh : new boolean[] {false, true}) {
                String attack = gcpAudit(c.service(), c.attack());
                String benign = gcpAudit(c.service(), c.benign());
                assertThat(firedJson(wazuh ? wazuhGcp(attack) : attack))
                        .as("%s on %s (Wazuh: %s)", c.rule(), c.attack(), wazuh)
                        .contains(rule);
                assertThat(firedJson(wazuh ? wazuhGcp(benign) : benign))
                        .as("%s on %s (Wazuh: %s)", c.rule(), c.benign(), wazuh)
                        .doesNotContain(rule);
            }
        }
        // the corpus's GCP records (Wazuh's GCP tests): audit records are gcp.audit events, the others not
        int audit = 0;
        for (String line :
                wazuhLines(l -> l.contains("\"integration\":\"gcp\"") || l.contains("\"integration\": \"gcp\""))) {
            boolean isAudit = line.contains("google.cloud.audit.AuditLog");
            assertThat(logsources(ingestedJson(line)).contains(GCP_AUDIT))
                    .as(line)
                    .isEqualTo(isAudit);
            audit += isAudit ? 1 : 0;
        }
        assertThat(audit).isGreaterThan(15);
    }

    // ---- Kubernetes audit -----------------------------------------------------------------------

    private static final Logsource K8S_AUDIT = new Logsource("kubernetes", "application", "audit");

    /** A Kubernetes audit event (audit.k8s.io/v1) of the given request. */
    private static String k8sAudit(String verb, String resource, String subresource) {
        return """
                {"kind": "Event", "apiVersion": "audit.k8s.io/v1", "level": "Metadata", "auditID": "4a5e7a4c",
                 "stage": "ResponseComplete", "requestURI": "/api/v1/namespaces/default/%s/x", "verb": "%s",
                 "user": {"username": "alice"}, "sourceIPs": ["10.20.0.7"], "userAgent": "kubectl/v1.29.2",
                 "objectRef": {"resource": "%s", %s"namespace": "default", "name": "x", "apiVersion": "v1"},
                 "responseStatus": {"code": 200}, "requestReceivedTimestamp": "2026-03-01T09:15:02.000000Z"}""".formatted(
                resource, verb, resource, subresource == null ? "" : "\"subresource\": \"" + subresource + "\", ");
    }

    @Test
    void kubernetesAuditEventsAreKubernetesAuditEventsAndTheirRulesFire() {
        assertThat(logsources(ingestedJson(k8sAudit("get", "pods", null)))).contains(K8S_AUDIT);
        assumeCorpus();
        String dir = "rules/application/kubernetes/audit/";
        String deleted = id(dir + "kubernetes_audit_events_deleted.yml");
        assertThat(firedJson(k8sAudit("delete", "events", null))).contains(deleted);
        assertThat(firedJson(k8sAudit("get", "events", null))).doesNotContain(deleted);
        assertThat(firedJson(k8sAudit("delete", "pods", null))).doesNotContain(deleted);
        Set<String> k8sRules = rules(r -> "kubernetes".equals(r.source().product()));
        assertThat(k8sRules).hasSizeGreaterThan(10);
        // an ordinary read of a pod fires no Kubernetes rule
        assertThat(firedJson(k8sAudit("get", "pods", null))).doesNotContainAnyElementsOf(k8sRules);
    }

    // ---- Okta System Log ------------------------------------------------------------------------

    private static final Logsource OKTA = new Logsource("okta", null, "okta");

    /** An Okta System Log event (after the System Log API's LogEvent) of the given type and message. */
    private static String oktaEvent(String eventType, String displayMessage) {
        return """
                {"uuid": "dc9fd3c0-598c-11ef-8478-2b7584bf8d5a", "published": "2026-03-01T09:15:02.123Z",
                 "eventType": "%s", "version": "0", "severity": "INFO", "displayMessage": "%s",
                 "actor": {"id": "00u1", "type": "User", "alternateId": "admin@example.com", "displayName": "Admin"},
                 "client": {"ipAddress": "198.51.100.23", "userAgent": {"rawUserAgent": "Mozilla/5.0"}},
                 "outcome": {"result": "SUCCESS"}, "securityContext": {"isProxy": false},
                 "target": [{"id": "00u2", "type": "User", "alternateId": "bob@example.com", "displayName": "Bob"}]}""".formatted(eventType, displayMessage);
    }

    @Test
    void oktaEventsAreOktaEventsAndTheirRulesFireOnWhatTheyDescribe() {
        assertThat(logsources(ingestedJson(oktaEvent("user.session.start", "User login to Okta"))))
                .contains(OKTA);
        assertThat(logsources(ingestedJson("{\"eventType\": \"user.lifecycle.create\"}")))
                .doesNotContain(OKTA);
        assumeCorpus();
        record OktaCase(
                String rule, String attackType, String attackMessage, String benignType, String benignMessage) {}
        String dir = "rules/identity/okta/";
        for (OktaCase c : List.of(
                new OktaCase(
                        dir + "okta_user_created.yml",
                        "user.lifecycle.create",
                        "Create okta user",
                        "user.lifecycle.activate",
                        "Activate Okta user"),
                new OktaCase(
                        dir + "okta_mfa_reset_or_deactivated.yml",
                        "user.mfa.factor.reset_all",
                        "Reset all factors for user",
                        "user.mfa.factor.activate",
                        "Activate factor"),
                new OktaCase(
                        dir + "okta_admin_role_assigned_to_user_or_group.yml",
                        "user.account.privilege.grant",
                        "Grant user privilege",
                        "user.account.privilege.revoke",
                        "Revoke user privilege"),
                new OktaCase(
                        dir + "okta_user_account_locked_out.yml",
                        "user.account.lock",
                        "Max sign in attempts exceeded",
                        "user.account.unlock",
                        "Unlock user"))) {
            String rule = id(c.rule());
            assertThat(firedJson(oktaEvent(c.attackType(), c.attackMessage())))
                    .as(c.rule())
                    .contains(rule);
            assertThat(firedJson(oktaEvent(c.benignType(), c.benignMessage())))
                    .as(c.rule())
                    .doesNotContain(rule);
        }
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static final Logsource GITHUB_AUDIT = new Logsource("github", null, "audit");

    /** A GitHub audit log event of the given action in each shape it arrives in. */
    private static Map<String, String> githubEvent(String action) {
        return Map.of(
                "REST API",
                "{\"@timestamp\":1772356500123,\"_document_id\":\"Zo9X\",\"action\":\"" + action + "\","
                        + "\"actor\":\"mallory\",\"actor_ip\":\"198.51.100.23\",\"org\":\"acme-corp\","
                        + "\"repo\":\"acme-corp/payments\",\"created_at\":1772356500123}",
                "Wazuh",
                "{\"integration\":\"github\",\"github\":{\"actor\":\"mallory\",\"org\":\"acme-corp\","
                        + "\"created_at\":1772356500123,\"action\":\"" + action + "\"}}");
    }

    @Test
    void githubAuditEventsReachTheGithubRulesInEveryShape() {
        for (var shape : githubEvent("repo.create").entrySet()) {
            assertThat(logsources(ingestedJson(shape.getValue())))
                    .as(shape.getKey())
                    .contains(GITHUB_AUDIT);
        }
        assertThat(logsources(ingestedJson("{\"action\":\"repo.create\",\"user\":\"x\"}")))
                .doesNotContain(GITHUB_AUDIT);
        assumeCorpus();
        String secretScanning = id("rules/application/github/audit/github_secret_scanning_feature_disabled.yml");
        String actionsSecret = id("rules/application/github/audit/github_new_secret_created.yml");
        for (String shape : List.of("REST API", "Wazuh")) {
            assertThat(firedJson(
                            githubEvent("repository_secret_scanning.disable").get(shape)))
                    .as(shape)
                    .contains(secretScanning);
            assertThat(firedJson(githubEvent("repo.create_actions_secret").get(shape)))
                    .as(shape)
                    .contains(actionsSecret)
                    .doesNotContain(secretScanning);
            assertThat(firedJson(
                            githubEvent("repository_secret_scanning.enable").get(shape)))
                    .as(shape)
                    .doesNotContain(secretScanning, actionsSecret);
        }
    }
}
