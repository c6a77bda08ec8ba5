package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertBaseEventOf;
import static io.socaas.events.ocsf.MappedRecords.assertDenied;
import static io.socaas.events.ocsf.MappedRecords.assertFlow;
import static io.socaas.events.ocsf.MappedRecords.assertLogon;
import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.epochMillis;
import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Refusals and logins of smaller Linux daemons: the BSD r-services' rshd and rlogind (connections from an
 * unprivileged port refused, commands refused or run, in the words of netkit's, GNU inetutils' and
 * FreeBSD's rshd.c), FreePBX's security log (administrator and User Control Panel logins, as FreePBX's
 * freepbx_log_security writes them), BIND's denied queries in the layout of BIND before 9.9 (no name in
 * parentheses after the client) and Postfix postscreen's connections refused before any command. Lines of
 * the shared corpus (Wazuh's rshd and named tests) and lines written from those sources.
 */
class RemoteShellPbxDnsAndPostscreenMappingsTest {

    @Test
    void rshdRefusalsAreRefusedConnectionsAndItsCommandsAreLogons() throws Exception {
        // corpus (Wazuh rshd): a client that did not bind a privileged port, as a forged r-command client
        JsonNode illegal = line("Dec 17 10:49:23 hostname rshd[347339]: Connection from 10.217.223.31 on illegal port");
        assertFlow(illegal, 5, "10.217.223.31", null, "", null);
        assertDenied(illegal);
        assertThat(illegal.get("app_name").asText()).isEqualTo("rshd");
        // FreeBSD's rshd adds the port, rlogind writes netkit's words
        assertFlow(
                line("Feb 28 14:32:52 bsd01 rshd[812]: connection from 203.0.113.8 on illegal port 40112"),
                5,
                "203.0.113.8",
                40112,
                "",
                null);
        assertThat(line("Feb 28 14:32:52 host1 rlogind[812]: Connection from 203.0.113.8 on illegal port")
                        .get("activity_id")
                        .asInt())
                .isEqualTo(5);

        JsonNode refused = line("Feb 28 14:32:53 host1 rshd[813]: alice@ws7.example.com as root: permission denied"
                + " (Authentication failure). cmd='cat /etc/shadow'");
        assertLogon(refused, 2, "root", null);
        assertThat(refused.at("/actor/user/name").asText()).isEqualTo("alice");
        assertThat(refused.at("/src_endpoint/hostname").asText()).isEqualTo("ws7.example.com");
        assertThat(refused.get("status_detail").asText()).isEqualTo("Authentication failure");
        assertThat(refused.at("/unmapped/rshCommand").asText()).isEqualTo("cat /etc/shadow");
        JsonNode unknown =
                line("Feb 28 14:32:54 host1 rshd[814]: mallory@203.0.113.8 as nosuch: unknown login. cmd='id'");
        assertLogon(unknown, 2, "nosuch", "203.0.113.8");
        assertThat(unknown.get("status_detail").asText()).isEqualTo("unknown login");
        JsonNode ran = line("Feb 28 14:32:55 host1 rshd[815]: root@192.0.2.30 as root: cmd='tar cf - /etc'");
        assertLogon(ran, 1, "root", "192.0.2.30");
        assertThat(ran.get("logon_type_id").asInt()).isEqualTo(3);
        // rshd's other messages stay Base Events
        assertBaseEventOf(
                line("Feb 28 14:32:56 host1 rshd[816]: Connection received using IPv6, not supported"), "Linux");
    }

    @Test
    void freepbxSecurityLogLoginsAreAuthentication() throws Exception {
        JsonNode failed = line("[2026-Feb-28 14:32:52] [freepbx_security.NOTICE]: Authentication failure for admin"
                + " from 203.0.113.44");
        assertLogon(failed, 2, "admin", "203.0.113.44");
        assertThat(failed.at("/service/name").asText()).isEqualTo("FreePBX");
        assertThat(failed.get("time").asLong()).isEqualTo(epochMillis("2026-02-28T14:32:52Z"));
        assertProduct(failed, "Asterisk");
        assertLogon(
                line("[2026-Feb-28 14:32:53] [freepbx_security.NOTICE]: Authentication successful for admin from"
                        + " 192.0.2.10"),
                1,
                "admin",
                "192.0.2.10");
        // before FreePBX 15: the date alone; 'unknown' when no user name was given names no user
        JsonNode older = line("[2026-02-28 14:32:54] Authentication failure for unknown from 203.0.113.44");
        assertLogon(older, 2, null, "203.0.113.44");
        assertThat(older.get("time").asLong()).isEqualTo(epochMillis("2026-02-28T14:32:54Z"));
        // the security log's other lines are Base Events; FreePBX's application log is not its security log
        assertBaseEventOf(
                line("[2026-Feb-28 14:32:55] [freepbx_security.NOTICE]: Possible proxy detected, forwarded headers"
                        + " foradmin set to 198.51.100.1"),
                "Asterisk");
        assertThat(line("[2019-Jul-25 14:28:32] [freepbx.INFO]: Deprecated way to add Console commands, adding"
                                + " console commands this way can have negative performance impacts.")
                        .get("class_uid")
                        .asInt())
                .isZero();
    }

    @Test
    void bindQueriesDeniedInTheOlderLayoutAreFailedDnsQueries() throws Exception {
        // corpus (Wazuh named): the client without the query name in parentheses
        JsonNode cache = line("Aug 29 15:33:13 ns3 named[464]: client 217.148.39.4#32769: query (cache)"
                + " 'example.com/A/IN' denied");
        assertThat(cache.get("class_uid").asInt()).as("class of %s", cache).isEqualTo(4003);
        assertThat(cache.get("status_id").asInt()).isEqualTo(2);
        assertThat(cache.at("/src_endpoint/ip").asText()).isEqualTo("217.148.39.4");
        assertThat(cache.at("/query/hostname").asText()).isEqualTo("example.com");
        assertThat(cache.at("/query/type").asText()).isEqualTo("A");
        // named's own log file, and the newer layout with the name in parentheses and a view
        JsonNode file = line("29-Aug-2013 15:33:13.123 security: info: client 217.148.39.4#32769: query (cache)"
                + " 'example.com/A/IN' denied");
        assertThat(file.get("class_uid").asInt()).as("class of %s", file).isEqualTo(4003);
        JsonNode view = line("Feb 28 14:32:52 ns1 named[812]: client @0x7f2a4c0a1b60 203.0.113.7#53124 (example.org):"
                + " view external: query (cache) 'example.org/ANY/IN' denied");
        assertThat(view.at("/query/hostname").asText()).as("%s", view).isEqualTo("example.org");
        assertThat(view.at("/query/type").asText()).isEqualTo("ANY");
        // corpus (Wazuh named): a query line cut before its name is no query
        assertBaseEventOf(line("Aug 29 15:33:13 ns3 named[464]: client 217.148.39.3#1036: query (cache)"), "BIND");
    }

    @Test
    void postscreenConnectionsRefusedBeforeAnyCommandAreRefusedConnections() throws Exception {
        JsonNode busy = line("May  8 08:26:55 mail postfix/postscreen[22055]: NOQUEUE: reject: CONNECT from"
                + " [157.122.148.242]:47407: all server ports busy");
        assertFlow(busy, 5, "157.122.148.242", 47407, "", null);
        assertDenied(busy);
        assertThat(busy.get("status_detail").asText()).isEqualTo("all server ports busy");
        // a refused recipient is still Email Activity, a pregreeting client's detection a Base Event
        JsonNode rcpt = line("May  8 08:26:56 mail postfix/postscreen[22055]: NOQUEUE: reject: RCPT from"
                + " [157.122.148.242]:47407: 550 5.7.1 Service unavailable; client [157.122.148.242] blocked using"
                + " zen.spamhaus.org; from=<spam@example.net>, to=<bob@example.com>, proto=ESMTP,"
                + " helo=<example.net>");
        assertThat(rcpt.get("class_uid").asInt()).isEqualTo(4009);
        assertBaseEventOf(
                line("May  8 08:26:57 mail postfix/postscreen[22055]: PREGREET 11 after 0.08 from"
                        + " [157.122.148.242]:47407: EHLO example.net\\r\\n"),
                "Postfix");
    }
}
