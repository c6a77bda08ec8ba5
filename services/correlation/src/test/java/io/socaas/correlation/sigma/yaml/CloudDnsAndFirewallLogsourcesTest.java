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

import io.socaas.correlation.detection.domain.EventAdmission;
import io.socaas.events.ocsf.OcsfNormalizer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Amazon Route 53 Resolver query logs and Azure Firewall's DNS proxy and network rule logs as
 * ingestion normalizes them (event-model's {@link OcsfNormalizer} over the JSON record, then {@link
 * EventAdmission}) are Sigma {@code dns} and {@code firewall} events under the shipped mapping, and
 * SigmaHQ rules of the shared corpus fire on the lookups and connections they describe and stay
 * silent on ordinary ones. The records are written after AWS's and Microsoft's documented formats
 * (Route 53 Resolver query log version 1.1; Azure Firewall's legacy Azure Diagnostics text and its
 * resource-specific tables, exported by a diagnostic setting and as Log Analytics rows). Without the
 * corpus ({@code SOCAAS_CORPUS}) the tests are skipped.
 */
class CloudDnsAndFirewallLogsourcesTest {

    private static final String RESOURCE =
            "/SUBSCRIPTIONS/3C4D5E6F-7081-92A3-B4C5-D6E7F8091A2B/RESOURCEGROUPS/CORE-NET/PROVIDERS/MICROSOFT.NETWORK/AZUREFIREWALLS/EDGE-FW01";

    // ---- Route 53 Resolver --------------------------------------------------------------------------

    /** A query a VPC instance sent and Resolver answered; {@code firewall} adds DNS Firewall's verdict. */
    private static String resolverQuery(String name, String type, String firewall) {
        return """
                {"version": "1.100000", "account_id": "418273645091", "region": "ap-southeast-2", "vpc_id": "vpc-07c1d2e3f4a5b6c7d",
                 "query_timestamp": "2026-03-01T09:14:55Z", "query_name": "%s", "query_type": "%s", "query_class": "IN",
                 "rcode": "NOERROR", "answers": [{"Rdata": "203.0.113.71", "Type": "A", "Class": "IN"}],
                 "srcaddr": "172.31.18.204", "srcport": "50744", "transport": "UDP",
                 "srcids": {"instance": "i-03d4c5b6a7980f1e2"}%s}""".formatted(name, type, firewall);
    }

    private static final String DNS_FIREWALL_BLOCK = ", \"firewall_rule_group_id\": \"rslvr-frg-4c3b2a1908f7e6d5c\","
            + " \"firewall_rule_action\": \"BLOCK\", \"firewall_domain_list_id\": \"rslvr-fdl-9a8b7c6d5e4f30211\"";

    @Test
    void route53ResolverQueriesAreDnsEventsAndDnsRulesFireOnTheName() {
        assumeCorpus();
        for (String firewall : List.of("", DNS_FIREWALL_BLOCK)) {
            Map<String, Object> event = ingestedJson(resolverQuery("intranet.corp.example.", "A", firewall));
            assertThat(event).containsEntry("query_name", "intranet.corp.example.");
            assertThat(logsources(event)).contains(DNS).doesNotContain(FIREWALL, PROXY, WEBSERVER);
        }
        assertDnsRulesFireOnTheName(name -> resolverQuery(name + ".", "A", ""));
        // a query DNS Firewall blocked is still the client's lookup
        String telegram = id("rules/network/dns/net_dns_susp_telegram_api.yml");
        assertThat(firedJson(resolverQuery("api.telegram.org.", "A", DNS_FIREWALL_BLOCK)))
                .contains(telegram);
    }

    /**
     * SigmaHQ's dns rules on a name (an exact name, a suffix, a prefix) fire on a lookup of the name the
     * record writes with the root's dot, and none fires on an ordinary name.
     */
    private static void assertDnsRulesFireOnTheName(Function<String, String> lookup) {
        String wannacry = id("rules/network/dns/net_dns_wannacry_killswitch_domain.yml");
        String telegram = id("rules/network/dns/net_dns_susp_telegram_api.yml");
        String interaction = id("rules/network/dns/net_dns_external_service_interaction_domains.yml");
        String cobalt = id("rules/network/dns/net_dns_mal_cobaltstrike.yml");
        Set<String> dnsRules = rules(r -> "dns".equals(r.source().category()));
        assertThat(firedJson(lookup.apply("ifferfsodp9ifjaposdfjhgosurijfaewrwergwea.com")))
                .contains(wannacry);
        assertThat(firedJson(lookup.apply("api.telegram.org"))).contains(telegram);
        assertThat(firedJson(lookup.apply("q7x2kd.oast.fun"))).contains(interaction);
        assertThat(firedJson(lookup.apply("aaa.stage.4711.updates.example.net")))
                .contains(cobalt);
        assertThat(firedJson(lookup.apply("www.example.org"))).doesNotContainAnyElementsOf(dnsRules);
        // a name that only starts like one the rules name is not it
        assertThat(firedJson(lookup.apply("api.telegram.org.example.net"))).doesNotContain(telegram);
        assertThat(firedJson(lookup.apply("ifferfsodp9ifjaposdfjhgosurijfaewrwergwea.com.example.net")))
                .doesNotContain(wannacry);
    }

    // ---- Azure Firewall DNS proxy -------------------------------------------------------------------

    /** The legacy DNS proxy record (`DNS Request: ...`) as a diagnostic setting exports it. */
    private static String dnsProxyExport(String name) {
        return """
                {"category": "AzureFirewallDnsProxy", "time": "2026-03-01T09:14:56.2210000Z", "resourceId": "%s",
                 "operationName": "AzureFirewallDnsProxyLog",
                 "properties": {"msg": "DNS Request: 10.20.3.17:55120 - 36511 A IN %s udp 45 false 1232 NOERROR qr,rd,ra 89 0.004127s"}}""".formatted(RESOURCE, name);
    }

    /** The same record as the AzureDiagnostics table holds it. */
    private static String dnsProxyAzureDiagnostics(String name) {
        return """
                {"TimeGenerated": "2026-03-01T09:14:56.221Z", "Category": "AzureFirewallDnsProxy", "ResourceId": "%s",
                 "OperationName": "AzureFirewallDnsProxyLog", "ResourceType": "AZUREFIREWALLS",
                 "msg_s": "DNS Request: 10.20.3.17:55120 - 36511 A IN %s udp 45 false 1232 NOERROR qr,rd,ra 89 0.004127s"}""".formatted(RESOURCE, name);
    }

    private static final String DNS_QUERY_COLUMNS = """
            "SourceIp": "10.20.3.18", "SourcePort": 61207, "QueryId": 1288, "QueryType": "A", "QueryClass": "IN",
            "QueryName": "%s", "Protocol": "udp", "RequestSize": 45, "DnssecOkBit": false, "EDNS0BufferSize": 1232,
            "ResponseCode": "NOERROR", "ResponseFlags": "qr,rd,ra", "ResponseSize": 89, "RequestDurationSecs": 0.004,
            "ErrorNumber": 0, "ErrorMessage": \"\"""";

    /** A resource-specific AZFWDnsQuery record as a diagnostic setting exports it. */
    private static String dnsQueryExport(String name) {
        return """
                {"time": "2026-03-01T09:14:57.0000000Z", "resourceId": "%s", "category": "AZFWDnsQuery",
                 "operationName": "AZFWDnsQuery", "properties": {%s}}""".formatted(RESOURCE, DNS_QUERY_COLUMNS.formatted(name));
    }

    /** The same query as a row of the AZFWDnsQuery table. */
    private static String dnsQueryRow(String name) {
        return """
                {"TimeGenerated": "2026-03-01T09:14:57Z", "Type": "AZFWDnsQuery", "_ResourceId": "%s", %s}""".formatted(RESOURCE.toLowerCase(java.util.Locale.ROOT), DNS_QUERY_COLUMNS.formatted(name));
    }

    @Test
    void azureFirewallDnsProxyQueriesAreDnsEventsAndDnsRulesFireOnTheNameInEveryShape() {
        assumeCorpus();
        List<Function<String, String>> shapes = List.of(
                CloudDnsAndFirewallLogsourcesTest::dnsProxyExport,
                CloudDnsAndFirewallLogsourcesTest::dnsProxyAzureDiagnostics,
                CloudDnsAndFirewallLogsourcesTest::dnsQueryExport,
                CloudDnsAndFirewallLogsourcesTest::dnsQueryRow);
        for (Function<String, String> shape : shapes) {
            String record = shape.apply("intranet.corp.example.");
            assertThat(logsources(ingestedJson(record)))
                    .as(record)
                    .contains(DNS)
                    .doesNotContain(FIREWALL, PROXY, WEBSERVER);
            assertDnsRulesFireOnTheName(name -> shape.apply(name + "."));
        }
    }

    // ---- Azure Firewall network rules ---------------------------------------------------------------

    /** A legacy network rule record (`TCP request from ... to .... Action: ...`) as a diagnostic setting exports it. */
    private static String networkRuleExport(String src, String dst, int dstPort, String action) {
        return """
                {"category": "AzureFirewallNetworkRule", "time": "2026-03-01T09:15:03.5120000Z", "resourceId": "%s",
                 "operationName": "AzureFirewallNetworkRuleLog",
                 "properties": {"msg": "TCP request from %s:49731 to %s:%d. Action: %s. Policy: edge-policy. Rule Collection Group: net-rcg. Rule Collection: outbound. Rule: web-out"}}""".formatted(RESOURCE, src, dst, dstPort, action);
    }

    /** The same record as the AzureDiagnostics table holds it. */
    private static String networkRuleAzureDiagnostics(String src, String dst, int dstPort, String action) {
        return """
                {"TimeGenerated": "2026-03-01T09:15:03.512Z", "Category": "AzureFirewallNetworkRule", "ResourceId": "%s",
                 "OperationName": "AzureFirewallNetworkRuleLog",
                 "msg_s": "TCP request from %s:49731 to %s:%d. Action: %s. Policy: edge-policy. Rule Collection Group: net-rcg. Rule Collection: outbound. Rule: web-out"}""".formatted(RESOURCE, src, dst, dstPort, action);
    }

    private static final String NETWORK_RULE_COLUMNS = """
            "Protocol": "TCP", "SourceIp": "%s", "SourcePort": 49731, "DestinationIp": "%s", "DestinationPort": %d,
            "Action": "%s", "Policy": "edge-policy", "RuleCollectionGroup": "net-rcg", "RuleCollection": "outbound",
            "Rule": "web-out", "ActionReason": \"\"""";

    /** A resource-specific AZFWNetworkRule record as a diagnostic setting exports it. */
    private static String networkRuleStructuredExport(String src, String dst, int dstPort, String action) {
        return """
                {"time": "2026-03-01T09:15:03.5120000Z", "resourceId": "%s", "category": "AZFWNetworkRule",
                 "operationName": "AZFWNetworkRule", "properties": {%s}}""".formatted(RESOURCE, NETWORK_RULE_COLUMNS.formatted(src, dst, dstPort, action));
    }

    /** The same connection as a row of the AZFWNetworkRule table. */
    private static String networkRuleRow(String src, String dst, int dstPort, String action) {
        return """
                {"TimeGenerated": "2026-03-01T09:15:03.512Z", "Type": "AZFWNetworkRule", %s}""".formatted(NETWORK_RULE_COLUMNS.formatted(src, dst, dstPort, action));
    }

    private interface NetworkRecord {
        String of(String src, String dst, int dstPort, String action);
    }

    @Test
    void azureFirewallNetworkRuleRecordsAreFirewallEventsAndFirewallRulesFireInEveryShape() {
        assumeCorpus();
        String equation = id("rules-emerging-threats/2017/TA/Equation-Group/net_firewall_apt_equationgroup_c2.yml");
        Set<String> firewallRules = rules(r -> "firewall".equals(r.source().category()));
        for (NetworkRecord shape : List.<NetworkRecord>of(
                CloudDnsAndFirewallLogsourcesTest::networkRuleExport,
                CloudDnsAndFirewallLogsourcesTest::networkRuleAzureDiagnostics,
                CloudDnsAndFirewallLogsourcesTest::networkRuleStructuredExport,
                CloudDnsAndFirewallLogsourcesTest::networkRuleRow)) {
            String ordinary = shape.of("10.20.3.17", "198.51.100.34", 443, "Allow");
            assertThat(logsources(ingestedJson(ordinary)))
                    .as(ordinary)
                    .contains(FIREWALL)
                    .doesNotContain(DNS, PROXY, WEBSERVER);
            assertThat(firedJson(ordinary)).as(ordinary).doesNotContainAnyElementsOf(firewallRules);
            assertThat(firedJson(shape.of("10.20.3.17", "198.51.100.34", 443, "Deny")))
                    .as(ordinary)
                    .doesNotContainAnyElementsOf(firewallRules);
            // the Equation Group's command and control addresses, either way
            assertThat(firedJson(shape.of("10.20.3.17", "69.42.98.86", 443, "Allow")))
                    .as(ordinary)
                    .contains(equation);
            assertThat(firedJson(shape.of("89.185.234.145", "10.20.3.17", 8443, "Deny")))
                    .as(ordinary)
                    .contains(equation);
            assertThat(firedJson(shape.of("10.20.3.17", "69.42.98.87", 443, "Allow")))
                    .as(ordinary)
                    .doesNotContain(equation);
        }
    }

    @Test
    void azureFirewallApplicationRuleRequestsAreNoFirewallEvents() {
        String legacy = """
                {"category": "AzureFirewallApplicationRule", "time": "2026-03-01T09:15:04.0000000Z", "resourceId": "%s",
                 "operationName": "AzureFirewallApplicationRuleLog",
                 "properties": {"msg": "HTTPS request from 10.20.3.17:49801 to www.partner.example:443. Action: Allow. Rule Collection: web. Rule: partners"}}""".formatted(RESOURCE);
        String row = """
                {"TimeGenerated": "2026-03-01T09:15:04Z", "Type": "AZFWApplicationRule", "Protocol": "HTTPS", "SourceIp": "10.20.3.17",
                 "SourcePort": 49801, "DestinationPort": 443, "Fqdn": "www.partner.example", "TargetUrl": "", "Action": "Allow",
                 "Policy": "edge-policy", "RuleCollectionGroup": "app-rcg", "RuleCollection": "web", "Rule": "partners"}""";
        for (String record : List.of(legacy, row)) {
            assertThat(logsources(ingestedJson(record))).as(record).doesNotContain(FIREWALL, DNS);
        }
    }
}
