package io.socaas.correlation.sigma.yaml;

import static io.socaas.correlation.sigma.yaml.IngestedEvents.DNS;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.FIREWALL;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.PROXY;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.WEBSERVER;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.assumeCorpus;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.firedJson;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.id;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.ingestedJson;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.logsources;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.rules;
import static org.assertj.core.api.Assertions.assertThat;

import io.socaas.correlation.sigma.domain.Logsource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * AWS WAF web ACL logs as ingestion normalizes them are Sigma {@code webserver} events: SigmaHQ's
 * webserver rules fire on the attacks a request carries in its path, its query or its User-Agent
 * header, whether the web ACL let it through or blocked it, and stay silent on ordinary requests.
 * The records follow AWS's documented log fields (format version 1: {@code httpRequest} with the
 * URI and the query apart, the headers as name/value pairs). Without the corpus ({@code
 * SOCAAS_CORPUS}) the tests are skipped.
 */
class AwsWafLogsourcesTest {

    private static final String BROWSER =
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";

    /** One request as the web ACL logs it; the User-Agent header's name is written as the client sent it. */
    private static String request(
            String action, String method, String uri, String args, String agentHeader, String agent) {
        return """
                {"timestamp": 1772356495123, "formatVersion": 1,
                 "webaclId": "arn:aws:wafv2:eu-west-1:418273645091:regional/webacl/shop-acl/5b6c7d8e-9f01-4a2b-8c3d-4e5f60718293",
                 "terminatingRuleId": "%s", "terminatingRuleType": "%s", "action": "%s",
                 "terminatingRuleMatchDetails": [], "httpSourceName": "ALB",
                 "httpSourceId": "418273645091-app/shop-alb/7d8e9f0a1b2c3d4e",
                 "ruleGroupList": [], "rateBasedRuleList": [], "nonTerminatingMatchingRules": [],
                 "httpRequest": {"clientIp": "203.0.113.45", "country": "NL",
                   "headers": [{"name": "Host", "value": "shop.example.com"}, {"name": "%s", "value": "%s"},
                               {"name": "Accept", "value": "*/*"}],
                   "uri": "%s", "args": "%s", "httpVersion": "HTTP/1.1", "httpMethod": "%s",
                   "requestId": "1-67c2a1f3-4b5c6d7e8f9012a3b4c5d6e7"}}""".formatted(
                        action.equals("BLOCK") ? "AWS-AWSManagedRulesCommonRuleSet" : "Default_Action",
                        action.equals("BLOCK") ? "MANAGED_RULE_GROUP" : "REGULAR",
                        action,
                        agentHeader,
                        agent,
                        uri,
                        args,
                        method);
    }

    private static String allowed(String method, String uri, String args) {
        return request("ALLOW", method, uri, args, "User-Agent", BROWSER);
    }

    @Test
    void everyRequestIsAWebserverEventOfNoProduct() {
        for (String action : List.of("ALLOW", "BLOCK", "CAPTCHA")) {
            Map<String, Object> event = ingestedJson(request(action, "GET", "/cart", "item=42", "User-Agent", BROWSER));
            assertThat(logsources(event)).as(action).contains(WEBSERVER).doesNotContain(PROXY, FIREWALL, DNS);
            assertThat(logsources(event).stream().map(Logsource::product).filter(p -> p != null))
                    .isEmpty();
        }
    }

    @Test
    void webserverRulesFireOnAttacksInTheQueryAllowedOrBlocked() {
        assumeCorpus();
        String traversal = id("rules/web/webserver_generic/web_path_traversal_exploitation_attempt.yml");
        String windowsPath = id("rules/web/webserver_generic/web_susp_windows_path_uri.yml");
        String sqli = id("rules/web/webserver_generic/web_sql_injection_in_access_logs.yml");
        for (String action : List.of("ALLOW", "BLOCK")) {
            assertThat(firedJson(
                            request(action, "GET", "/download", "file=../../../etc/passwd", "User-Agent", BROWSER)))
                    .as(action)
                    .contains(traversal);
            assertThat(firedJson(request(action, "GET", "/download", "file=C:/Windows/win.ini", "User-Agent", BROWSER)))
                    .as(action)
                    .contains(windowsPath);
            assertThat(firedJson(request(
                            action,
                            "GET",
                            "/products",
                            "id=1%20UNION%20SELECT%20username,password%20FROM%20users--",
                            "User-Agent",
                            BROWSER)))
                    .as(action)
                    .contains(sqli);
        }
        assertThat(firedJson(allowed("GET", "/download", "file=reports/2026/march.pdf")))
                .doesNotContain(traversal, windowsPath);
        // the rule asks for GET
        assertThat(firedJson(
                        allowed("POST", "/products", "id=1%20UNION%20SELECT%20username,password%20FROM%20users--")))
                .doesNotContain(sqli);
    }

    @Test
    void rulesOnThePathAndTheQueryTogetherSeeTheWholeRequestTarget() {
        assumeCorpus();
        // GET /api/index.php/v1/config/application?public=true (Joomla's unauthenticated config read)
        String joomla =
                id("rules-emerging-threats/2023/Exploits/CVE-2023-23752/web_cve_2023_23752_joomla_exploit_attempt.yml");
        assertThat(firedJson(allowed("GET", "/api/index.php/v1/config/application", "public=true")))
                .contains(joomla);
        assertThat(firedJson(allowed("GET", "/api/index.php/v1/config/application", "")))
                .doesNotContain(joomla);
        assertThat(firedJson(allowed("GET", "/index.php", "public=true"))).doesNotContain(joomla);
    }

    @Test
    void rulesOnAPathSeeThePathOfARequestWithoutAQuery() {
        assumeCorpus();
        String f5 = id("rules/web/webserver_generic/web_f5_tm_utility_bash_api_request.yml");
        assertThat(firedJson(allowed("POST", "/mgmt/tm/util/bash", ""))).contains(f5);
        assertThat(firedJson(allowed("GET", "/mgmt/tm/util/bash", ""))).doesNotContain(f5);
        assertThat(firedJson(allowed("POST", "/mgmt/tm/sys/version", ""))).doesNotContain(f5);
    }

    @Test
    void userAgentRulesReadTheHeaderWhateverTheCaseOfItsName() {
        assumeCorpus();
        String userAgents = id("rules/web/webserver_generic/web_susp_useragents.yml");
        for (String header : List.of("User-Agent", "user-agent")) {
            assertThat(firedJson(request("ALLOW", "GET", "/", "", header, "sqlmap/1.7.2#stable (https://sqlmap.org)")))
                    .as(header)
                    .contains(userAgents);
            assertThat(firedJson(request("ALLOW", "GET", "/", "", header, BROWSER)))
                    .as(header)
                    .doesNotContain(userAgents);
        }
    }

    @Test
    void noWebserverRuleFiresOnOrdinaryRequests() {
        assumeCorpus();
        Set<String> webserverRules = rules(r -> "webserver".equals(r.source().category()));
        assertThat(webserverRules).hasSizeGreaterThan(10);
        for (String ordinary : List.of(
                allowed("GET", "/", ""),
                allowed("GET", "/products/view", "id=42&sort=name"),
                allowed("POST", "/account/login", "ReturnUrl=%2Forders"),
                request("BLOCK", "GET", "/images/logo.png", "", "User-Agent", BROWSER))) {
            assertThat(firedJson(ordinary)).as(ordinary).doesNotContainAnyElementsOf(webserverRules);
        }
    }
}
