package io.socaas.correlation.sigma.yaml;

import static io.socaas.correlation.sigma.yaml.IngestedEvents.DNS;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.FIREWALL;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.PROXY;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.WEBSERVER;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.assumeCorpus;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.fired;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.firedJson;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.id;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.ingested;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.ingestedJson;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.logsources;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.rules;
import static org.assertj.core.api.Assertions.assertThat;

import io.socaas.correlation.detection.domain.EventAdmission;
import io.socaas.correlation.sigma.domain.Logsource;
import io.socaas.events.ocsf.OcsfNormalizer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Amazon Route 53 public hosted zone query logs, Cisco Umbrella DNS logs, Cisco Meraki URL logs and
 * connection starts, SQL Server Audit records in the Windows Application log and PostgreSQL's logged
 * statements, as ingestion normalizes them (event-model's {@link OcsfNormalizer} over the line or
 * the JSON record, then {@link EventAdmission}), are Sigma {@code dns}, {@code proxy}, {@code
 * firewall} and {@code database} events under the shipped mapping; SigmaHQ rules of the shared
 * corpus fire on the lookups, requests and statements they describe and stay silent on ordinary
 * ones, and the sources' other records reach none of these categories. The lines follow the
 * vendors' documented formats (Route 53's public DNS query log, Umbrella's S3 export CSV, Meraki's
 * syslog event types, SQL Server Audit's Application log record as evtx_dump writes it, PostgreSQL's
 * log_statement and pgAudit lines). Without the corpus ({@code SOCAAS_CORPUS}) the tests are skipped.
 */
class ZoneDnsWebAndDatabaseLogsourcesTest {

    private static final String DB_ANOMALOUS_QUERY = "rules/category/database/db_anomalous_query.yml";

    /**
     * SigmaHQ's dns rules on a name fire on a lookup of it, none fires on an ordinary name, and a name
     * that only starts like one the rules name is not it.
     */
    private static void assertDnsRulesFireOnTheName(Function<String, String> lookup) {
        String wannacry = id("rules/network/dns/net_dns_wannacry_killswitch_domain.yml");
        String telegram = id("rules/network/dns/net_dns_susp_telegram_api.yml");
        String interaction = id("rules/network/dns/net_dns_external_service_interaction_domains.yml");
        String base64 = id("rules/network/dns/net_dns_susp_b64_queries.yml");
        Set<String> dnsRules = rules(r -> "dns".equals(r.source().category()));
        assertThat(fired(lookup.apply("ifferfsodp9ifjaposdfjhgosurijfaewrwergwea.com")))
                .contains(wannacry);
        assertThat(fired(lookup.apply("api.telegram.org"))).contains(telegram);
        assertThat(fired(lookup.apply("q7x2kd.oast.fun"))).contains(interaction);
        assertThat(fired(lookup.apply("ZXhmaWx0cmF0ZWQ==.t.corp.example"))).contains(base64);
        assertThat(fired(lookup.apply("www.example.org"))).doesNotContainAnyElementsOf(dnsRules);
        assertThat(fired(lookup.apply("api.telegram.org.example.net"))).doesNotContain(telegram);
    }

    // ---- Route 53 public hosted zones ------------------------------------------------------------

    /** A query a resolver sent to a public hosted zone, as Route 53 writes it to CloudWatch Logs. */
    private static String publicZoneQuery(String name, String type) {
        return "1.0 2026-03-01T09:51:02.417Z Z0123456789ABCDEFGHIJ " + name + " " + type
                + " NOERROR UDP FRA56-P3 198.51.100.9 203.0.113.0/24";
    }

    @Test
    void route53PublicZoneQueriesAreDnsEventsAndDnsRulesFireOnTheName() {
        assumeCorpus();
        Map<String, Object> event = ingested(publicZoneQuery("vpn.corp.example", "A"));
        assertThat(event).containsEntry("queryName", "vpn.corp.example").containsKey("hostedZoneId");
        assertThat(logsources(event)).contains(DNS).doesNotContain(FIREWALL, PROXY, WEBSERVER);
        assertDnsRulesFireOnTheName(name -> publicZoneQuery(name, "A"));
        // DNS exfiltration to a zone of the organization: base64 labels under its own domain
        assertThat(fired(publicZoneQuery("aGVsbG8gd29ybGQ==.data.corp.example", "TXT")))
                .contains(id("rules/network/dns/net_dns_susp_b64_queries.yml"));
    }

    // ---- Cisco Umbrella DNS -------------------------------------------------------------------------

    /** A DNS log line of Umbrella's S3 export: the name with the root's dot, as Umbrella writes it. */
    private static String umbrellaDns(String verdict, String name) {
        return "\"2026-03-01 09:59:58\",\"Jane Roe (jroe@example.org)\",\"Jane Roe (jroe@example.org),LAPTOP-17\","
                + "\"10.20.30.40\",\"198.51.100.7\",\"" + verdict + "\",\"1 (A)\",\"NOERROR\",\"" + name + ".\","
                + "\"Chat\",\"AD Users\",\"AD Users,Roaming Computers\",\"\"";
    }

    @Test
    void umbrellaDnsLogsAreDnsEventsAllowedOrBlockedAndTheProxyLogIsNone() {
        assumeCorpus();
        for (String verdict : List.of("Allowed", "Blocked")) {
            Map<String, Object> event = ingested(umbrellaDns(verdict, "www.example.org"));
            assertThat(logsources(event)).as(verdict).contains(DNS).doesNotContain(FIREWALL, PROXY, WEBSERVER);
            assertDnsRulesFireOnTheName(name -> umbrellaDns(verdict, name));
        }
        // relayed over syslog, the line is the same lookup
        assertThat(fired("<134>Mar  1 09:59:59 relay umbrella: " + umbrellaDns("Allowed", "api.telegram.org")))
                .contains(id("rules/network/dns/net_dns_susp_telegram_api.yml"));
        // Umbrella's proxy log names hosts too, but is no lookup
        String proxy = "\"2026-03-01 09:15:02\",\"LAPTOP-17\",\"10.1.2.3\",\"198.51.100.7\",\"203.0.113.80\","
                + "\"text/html\",\"ALLOWED\",\"http://api.telegram.org/bot/getUpdates\",\"\",\"curl/8.5.0\",\"200\","
                + "\"512\",\"4096\",\"4000\",\"\",\"Chat\",\"\",\"\",\"\",\"\",\"\",\"Roaming Computers\",\"\",\"LAPTOP-17\","
                + "\"Roaming Computers\",\"GET\",\"\",\"\",\"\",\"\",\"\",\"\"";
        assertThat(logsources(ingested(proxy))).contains(PROXY).doesNotContain(DNS);
    }

    // ---- Cisco Meraki URL log and connection starts ------------------------------------------------

    /** A client's HTTP request as a Meraki MX or MR logs it (event type `urls`). */
    private static String merakiUrl(String method, String url, String agent) {
        return "<134>1 1772356502.949155659 hq_mx urls src=192.168.20.14:50420 dst=198.51.100.80:80"
                + " mac=02:11:22:33:44:66 agent='" + agent + "' request: " + method + " " + url;
    }

    private static final String BROWSER =
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36";

    @Test
    void merakiUrlLogsAreProxyEventsAndProxyRulesFireOnTheUrlMethodAndAgent() {
        assumeCorpus();
        String ordinary = merakiUrl("GET", "http://www.example.org/news/index.html?page=2", BROWSER);
        Map<String, Object> event = ingested(ordinary);
        assertThat(event).containsEntry("url", "http://www.example.org/news/index.html?page=2");
        assertThat(logsources(event)).contains(PROXY).doesNotContain(FIREWALL, DNS, WEBSERVER);
        Set<String> proxyRules = rules(r -> "proxy".equals(r.source().category()));
        assertThat(fired(ordinary)).doesNotContainAnyElementsOf(proxyRules);

        String paste = id("rules/web/proxy_generic/proxy_raw_paste_service_access.yml");
        String rclone = id("rules/web/proxy_generic/proxy_ua_rclone.yml");
        String f5Bash = id("rules/web/proxy_generic/proxy_f5_tm_utility_bash_api_request.yml");
        assertThat(fired(merakiUrl("GET", "http://www.pastebin.com/raw/Xk3vB9qZ", BROWSER)))
                .contains(paste);
        assertThat(fired(merakiUrl("GET", "http://www.example.org/raw/Xk3vB9qZ", BROWSER)))
                .doesNotContain(paste);
        assertThat(fired(merakiUrl("PUT", "http://files.example.net/backup/db.tar", "rclone/v1.65.0")))
                .contains(rclone);
        assertThat(fired(merakiUrl("POST", "http://10.0.8.4/mgmt/tm/util/bash", "curl/8.5.0")))
                .contains(f5Bash);
        assertThat(fired(merakiUrl("GET", "http://10.0.8.4/mgmt/tm/util/bash", "curl/8.5.0")))
                .doesNotContain(f5Bash);
    }

    @Test
    void merakiConnectionStartsAreFirewallEventsAndTheirEndsAreNot() {
        assumeCorpus();
        String start = "<134>1 1772356503.1 hq_mx ip_flow_start src=192.168.20.14 dst=%s protocol=tcp sport=50420"
                + " dport=443 translated_src_ip=203.0.113.5 translated_port=41234";
        Map<String, Object> event = ingested(start.formatted("198.51.100.20"));
        assertThat(logsources(event)).contains(FIREWALL).doesNotContain(PROXY, DNS, WEBSERVER);
        String equation = id("rules-emerging-threats/2017/TA/Equation-Group/net_firewall_apt_equationgroup_c2.yml");
        assertThat(fired(start.formatted("69.42.98.86"))).contains(equation);
        assertThat(fired(start.formatted("69.42.98.87"))).doesNotContain(equation);
        // the same connection's end: not a second firewall event of it
        String end = "<134>1 1772356563.1 hq_mx ip_flow_end src=192.168.20.14 dst=69.42.98.86 protocol=tcp"
                + " sport=50420 dport=443 translated_src_ip=203.0.113.5 translated_port=41234";
        assertThat(logsources(ingested(end))).doesNotContain(FIREWALL);
    }

    // ---- SQL Server Audit and PostgreSQL: the SQL a server ran -------------------------------------

    /** A SQL Server Audit record (33205) as evtx_dump writes it: the audit's lines in one data string. */
    private static String sqlServerAudit(String action, String login, String statement) {
        String text = String.join(
                "\\n",
                "audit_schema_version:1",
                "event_time:2026-02-28 23:40:12.1840021",
                "sequence_number:1",
                "action_id:" + action + "  ",
                "succeeded:true",
                "is_column_permission:false",
                "session_id:61",
                "server_principal_id:271",
                "class_type:U ",
                "client_ip:10.20.30.44",
                "session_server_principal_name:" + login,
                "server_principal_name:" + login,
                "database_principal_name:dbo",
                "target_server_principal_name:",
                "server_instance_name:SQL01",
                "database_name:payroll",
                "schema_name:dbo",
                "object_name:salaries",
                "statement:" + statement,
                "additional_information:",
                "application_name:Microsoft SQL Server Management Studio - Query");
        return """
                {"Event":{"System":{"Provider":{"#attributes":{"Name":"MSSQLSERVER"}},"EventID":{"#attributes":{"Qualifiers":"16384"},"#text":33205},
                 "TimeCreated":{"#attributes":{"SystemTime":"2026-02-28T23:40:12.194410Z"}},"Channel":"Application",
                 "Computer":"SQL01.example.corp"},"EventData":{"Binary":null,"Data":{"#text":"<string>%s\\n</string>"}}}}""".formatted(text);
    }

    private static boolean isDatabase(Map<String, Object> event) {
        return logsources(event).stream().map(Logsource::category).anyMatch("database"::equals);
    }

    @Test
    void sqlServerAuditedStatementsAreDatabaseEventsAndTheDatabaseRuleFiresOnDestructiveSql() {
        assumeCorpus();
        String anomalous = id(DB_ANOMALOUS_QUERY);
        Map<String, Object> update =
                ingestedJson(sqlServerAudit("UP", "app_svc", "UPDATE dbo.salaries SET grade = 4 WHERE id = 17"));
        assertThat(update).containsEntry("sqlStatement", "UPDATE dbo.salaries SET grade = 4 WHERE id = 17");
        assertThat(isDatabase(update)).isTrue();
        assertThat(logsources(update)).contains(new Logsource("windows", null, "application"));
        assertThat(fired(update)).doesNotContain(anomalous);

        assertThat(firedJson(sqlServerAudit("DR", "app_svc", "DROP TABLE dbo.salaries")))
                .contains(anomalous);
        assertThat(firedJson(sqlServerAudit("DL", "app_svc", "TRUNCATE TABLE dbo.salaries")))
                .contains(anomalous);
        assertThat(firedJson(sqlServerAudit("SL", "report_ro", "SELECT * FROM dbo.salaries")))
                .contains(anomalous);
        assertThat(firedJson(sqlServerAudit("SL", "report_ro", "SELECT id, grade FROM dbo.salaries")))
                .doesNotContain(anomalous);

        // an audited login runs no statement; another program's Application event is no database event
        assertThat(isDatabase(ingestedJson(sqlServerAudit("LGIS", "sa", "")))).isFalse();
        assertThat(isDatabase(ingestedJson("""
                {"Channel":"Application","EventID":1000,"Provider_Name":"Application Error","Computer":"SQL01.example.corp",
                 "Message":"Faulting application name: dropbox.exe, version: 190.4.6383.0"}"""))).isFalse();
    }

    @Test
    void postgresqlStatementsAndAuditRecordsAreDatabaseEventsAndItsLoginsAreNot() {
        assumeCorpus();
        String anomalous = id(DB_ANOMALOUS_QUERY);
        String statement = "<134>Mar  1 10:00:00 db01 postgres[4432]: [5-1] user=app,db=payroll,client=10.0.0.5 LOG:"
                + "  statement: %s";
        String audit = "<134>Mar  1 10:00:00 db01 postgres[4432]: [6-1] user=app,db=payroll,client=10.0.0.5 LOG:"
                + "  AUDIT: SESSION,1,1,DDL,%s,TABLE,public.salaries,%s;,<not logged>";
        String file = "2026-03-01 10:00:00.123 UTC [4432] app@payroll LOG:  statement: %s";

        for (String line : List.of(
                statement.formatted("UPDATE salaries SET grade = 4 WHERE id = 17"),
                audit.formatted("ALTER TABLE", "ALTER TABLE salaries ADD COLUMN bonus int"),
                file.formatted("INSERT INTO salaries VALUES (18, 3)"))) {
            Map<String, Object> event = ingested(line);
            assertThat(isDatabase(event)).as(line).isTrue();
            assertThat(fired(event)).as(line).doesNotContain(id(DB_ANOMALOUS_QUERY));
        }
        assertThat(fired(statement.formatted("DROP TABLE salaries"))).contains(anomalous);
        assertThat(fired(audit.formatted("DROP TABLE", "DROP TABLE salaries"))).contains(anomalous);
        assertThat(fired(file.formatted("TRUNCATE salaries"))).contains(anomalous);
        assertThat(fired(file.formatted("select * from salaries"))).contains(anomalous);

        // PostgreSQL's logins and disconnections run no SQL
        assertThat(isDatabase(ingested("<134>Mar  1 10:00:00 db01 postgres[4432]: [7-1] LOG:  connection authorized:"
                        + " user=app database=payroll")))
                .isFalse();
        assertThat(isDatabase(ingested("<134>Mar  1 10:00:00 db01 postgres[4432]: [8-1] FATAL:  password"
                        + " authentication failed for user \"dropper\"")))
                .isFalse();
    }
}
