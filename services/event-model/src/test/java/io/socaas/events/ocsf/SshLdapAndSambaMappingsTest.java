package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertBaseEventOf;
import static io.socaas.events.ocsf.MappedRecords.assertDenied;
import static io.socaas.events.ocsf.MappedRecords.assertFlow;
import static io.socaas.events.ocsf.MappedRecords.assertLogon;
import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * The mapping files of Dropbear SSH (routers and embedded Linux), OpenLDAP's slapd and Samba: real
 * lines (from the shared corpus, Wazuh's ruleset tests) and lines written from each daemon's source
 * and documentation become Authentication (3002) with outcome, user and client, or Network Activity
 * (4001); other lines of the same programs stay Base Events of the product, and other programs' lines
 * with the same words are not claimed.
 */
class SshLdapAndSambaMappingsTest {

    @Test
    void dropbearLoginsAreAuthenticationWithUserAndClient() throws Exception {
        // corpus (Wazuh dropbear)
        JsonNode bad = line(
                "Jan  8 16:39:33 tp.lan dropbear[14824]: Bad password attempt for 'root' from 193.219.28.149:48629");
        assertLogon(bad, 2, "root", "193.219.28.149");
        assertThat(bad.at("/src_endpoint/port").asInt()).isEqualTo(48629);
        assertThat(bad.get("status_detail").asText()).isEqualTo("Bad password attempt");
        assertProduct(bad, "Dropbear SSH");
        JsonNode unknown = line(
                "Jan  8 19:54:12 tp.lan dropbear[15197]: Login attempt for nonexistent user from 182.72.89.122:4328");
        assertLogon(unknown, 2, null, "182.72.89.122");
        assertThat(unknown.get("status_detail").asText()).isEqualTo("invalid user");
        JsonNode key = line("Jan  8 19:32:41 tp.lan dropbear[15165]: Pubkey auth succeeded for 'root' with key md5"
                + " 78:d6:41:ca:78:37:80:88:1d:15:0a:68:91:d1:4e:ad from 10.10.10.241:51737");
        assertLogon(key, 1, "root", "10.10.10.241");
        assertThat(key.get("auth_protocol").asText()).isEqualTo("Pubkey");
        // written from dropbear's source: a password login, a newer unknown-user line, attempts exceeded, IPv6
        assertLogon(
                line("<38>Feb 28 10:00:01 gw dropbear[901]: Password auth succeeded for 'admin' from 192.0.2.10:50122"),
                1,
                "admin",
                "192.0.2.10");
        assertLogon(
                line("<38>Feb 28 10:00:01 gw dropbear[901]: Login attempt for nonexistent user 'oracle' from"
                        + " 2001:db8::9:40022"),
                2,
                "oracle",
                "2001:db8::9");
        JsonNode exceeded =
                line("<38>Feb 28 10:00:01 gw dropbear[901]: Exit before auth from <198.51.100.7:33012>: (user"
                        + " 'root', 10 fails): Max auth tries reached - user 'root'");
        assertLogon(exceeded, 2, "root", "198.51.100.7");
        assertThat(exceeded.get("count").asInt()).isEqualTo(10);
        assertFlow(
                line("<38>Feb 28 10:00:01 gw dropbear[901]: Child connection from 198.51.100.7:33012"),
                1,
                "198.51.100.7",
                33012,
                "",
                null);
        JsonNode exit =
                line("<38>Feb 28 10:05:11 gw dropbear[901]: Exit (admin) from <192.0.2.10:50122>: Disconnect received");
        assertFlow(exit, 2, "192.0.2.10", 50122, "", null);
        assertThat(exit.at("/actor/user/name").asText()).isEqualTo("admin");
        // another line of dropbear is a Base Event of Dropbear; the same words from another program are not claimed
        assertBaseEventOf(line("<38>Feb 28 10:00:01 gw dropbear[901]: Running in background"), "Dropbear SSH");
        JsonNode other =
                line("<38>Feb 28 10:00:01 gw myapp[9]: Bad password attempt for 'root' from 193.219.28.149:48629");
        assertThat(other.get("class_uid").asInt()).isZero();
        assertThat(other.at("/metadata/product/name").asText()).isNotEqualTo("Dropbear SSH");
    }

    @Test
    void slapdConnectionsAndBindsCarryTheConnectionNumber() throws Exception {
        // corpus (Wazuh openldap)
        JsonNode accept = line("Oct  2 19:51:22 example slapd[30864]: conn=1068 fd=19 ACCEPT from IP=192.168.0.2:59800"
                + " (IP=0.0.0.0:636)");
        assertFlow(accept, 1, "192.168.0.2", 59800, "0.0.0.0", 636);
        assertThat(accept.at("/connection_info/uid").asText()).isEqualTo("1068");
        assertProduct(accept, "OpenLDAP");
        assertFlow(
                line("Feb 11 20:12:27 ldap slapd[13129]: conn=15098 fd=23 ACCEPT from IP=[fda2:3ab6:adf4:aa2a::0]:45242"
                        + " (IP=[::]:389)"),
                1,
                "fda2:3ab6:adf4:aa2a::0",
                45242,
                "::",
                389);
        JsonNode bind = line("Jan 11 09:26:57 hostname slapd[20872]: conn=999999 op=0 BIND"
                + " dn=\"uid=example,ou=People,dc=example,dc=com\" method=128");
        assertThat(bind.get("class_uid").asInt()).isEqualTo(3002);
        assertThat(bind.at("/user/name").asText()).isEqualTo("uid=example,ou=People,dc=example,dc=com");
        assertThat(bind.get("status_id").asInt())
                .as("the outcome is on the RESULT line")
                .isZero();
        assertThat(bind.at("/session/uid").asText()).isEqualTo("999999");
        JsonNode refused = line("Jan 11 09:26:57 hostname slapd[20872]: conn=999999 op=0 RESULT tag=97 err=49 text=");
        assertLogon(refused, 2, null, null);
        assertThat(refused.at("/session/uid").asText()).isEqualTo("999999");
        assertThat(refused.get("status_code").asText()).isEqualTo("49");
        assertLogon(
                line("Jan 11 09:26:57 hostname slapd[20872]: conn=999999 op=1 RESULT tag=97 err=0 text="),
                1,
                null,
                null);
        JsonNode unbind = line("Jan 11 09:26:57 hostname slapd[20872]: conn=999999 op=2 UNBIND");
        assertThat(unbind.get("class_uid").asInt()).isEqualTo(3002);
        assertThat(unbind.get("activity_id").asInt()).isEqualTo(2);
        // slapd 2.5: a successful bind names its mechanism
        JsonNode simple = line("<166>1 2026-02-28T10:00:00Z ldap1 slapd 812 - - conn=1001 op=0 BIND"
                + " dn=\"cn=admin,dc=corp,dc=example\" mech=SIMPLE bind_ssf=0 ssf=256");
        assertLogon(simple, 1, "cn=admin,dc=corp,dc=example", null);
        assertThat(simple.get("auth_protocol").asText()).isEqualTo("SIMPLE");
        JsonNode closed = line("Jan 11 09:26:57 hostname slapd[20872]: conn=1068 fd=19 closed (connection lost)");
        assertThat(closed.get("activity_id").asInt()).isEqualTo(2);
        assertThat(closed.get("status_detail").asText()).isEqualTo("connection lost");
        // a search, and slapd's own start-up line, stay Base Events of OpenLDAP
        assertBaseEventOf(
                line("Jan 11 09:26:57 hostname slapd[20872]: conn=1068 op=3 SRCH base=\"dc=corp\" scope=2"),
                "OpenLDAP");
        assertBaseEventOf(line("Jan 11 09:26:00 hostname slapd[20872]: slapd starting"), "OpenLDAP");
    }

    @Test
    void sambaAuthenticationAuditLinesAreLogonsWithTheirNtStatus() throws Exception {
        // written from Samba's auth_audit format (log level auth_audit:3)
        JsonNode failed = line(
                "<28>Feb 28 10:00:01 fs01 smbd[2211]:   Auth: [SMB2,(null)] user [CORP]\\[alice] at [Sat,"
                        + " 28 Feb 2026 10:00:01.123456 UTC] with [NTLMv2] status [NT_STATUS_WRONG_PASSWORD] workstation [PC07]"
                        + " remote host [ipv4:10.0.4.17:49848] mapped to [CORP]\\[alice]. local host [ipv4:10.0.0.5:445]");
        assertLogon(failed, 2, "alice", "10.0.4.17");
        assertThat(failed.at("/user/domain").asText()).isEqualTo("CORP");
        assertThat(failed.get("status_code").asText()).isEqualTo("NT_STATUS_WRONG_PASSWORD");
        assertThat(failed.get("auth_protocol").asText()).isEqualTo("NTLMv2");
        assertThat(failed.at("/src_endpoint/port").asInt()).isEqualTo(49848);
        assertThat(failed.at("/src_endpoint/hostname").asText()).isEqualTo("PC07");
        assertProduct(failed, "Samba");
        JsonNode ok =
                line("<30>Feb 28 10:00:02 fs01 smbd[2211]:   Auth: [SMB2,(null)] user [CORP]\\[alice] at [Sat, 28 Feb"
                        + " 2026 10:00:02.000001 UTC] with [NTLMv2] status [NT_STATUS_OK] workstation [PC07] remote host"
                        + " [ipv6:fe80::5:49850] mapped to [CORP]\\[alice]. local host [ipv6:fe80::1:445]");
        assertLogon(ok, 1, "alice", "fe80::5");
        assertThat(ok.get("status_code").asText()).isEqualTo("NT_STATUS_OK");
        // corpus (Wazuh smbd): hosts deny
        JsonNode denied = line("Dec 18 18:06:28 hostname smbd[832]: Denied connection from (192.168.3.23)");
        assertThat(denied.get("class_uid").asInt()).isEqualTo(4001);
        assertThat(denied.get("activity_id").asInt()).isEqualTo(5);
        assertThat(denied.at("/src_endpoint/ip").asText()).isEqualTo("192.168.3.23");
        assertDenied(denied);
        assertBaseEventOf(
                line("Dec 18 18:06:28 hostname smbd[17535]: Permission denied user not allowed to delete,"
                        + "  pause, or resume print job. User name: ahmet. Printer name: prnq1."),
                "Samba");
        JsonNode other = line("<28>Feb 28 10:00:01 fs01 nginx[2211]: Denied connection from (192.168.3.23)");
        assertThat(other.at("/metadata/product/name").asText()).isNotEqualTo("Samba");
    }
}
