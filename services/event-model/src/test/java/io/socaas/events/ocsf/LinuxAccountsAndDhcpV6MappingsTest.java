package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.assertStatus;
import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Linux account lines of newer shadow-utils and PAM (a group deleted with its user without the owner
 * named, a new password PAM refused) and ISC dhcpd (its DHCPv6 server, and its lines after a header
 * with the host's name and address). Lines written from the messages shadow-utils, pam_unix and
 * dhcpd (dhcpv6.c) write.
 */
class LinuxAccountsAndDhcpV6MappingsTest {

    @Test
    void aGroupRemovedWithItsUserIsAGroupDeletionEvenWithoutTheOwner() throws Exception {
        JsonNode removed = line("<86>Mar  1 09:00:00 web01 userdel[4120]: removed group 'svc_backup'");
        assertThat(removed.get("class_uid").asInt()).as("class of %s", removed).isEqualTo(3006);
        assertThat(removed.at("/group/name").asText()).isEqualTo("svc_backup");
        JsonNode shadow = line("<86>Mar  1 09:00:00 web01 userdel[4120]: removed shadow group 'svc_backup'");
        assertThat(shadow.get("class_uid").asInt()).isEqualTo(3006);
    }

    @Test
    void aNewPasswordPamRefusedIsAFailedPasswordChange() throws Exception {
        JsonNode refused =
                line("<85>Mar  1 09:01:00 web01 passwd[4188]: pam_unix(passwd:chauthtok): new password not acceptable");
        assertThat(refused.get("class_uid").asInt()).as("class of %s", refused).isEqualTo(3001);
        assertThat(refused.get("activity_id").asInt()).isEqualTo(3);
        assertStatus(refused, 2);
    }

    @Test
    void dhcpV6MessagesOfIscDhcpdAreDhcpActivityWithTheClientsDuid() throws Exception {
        JsonNode relayed = line("<30>Mar  1 09:02:00 dhcp01 dhcpd[930]: Encapsulated Solicit message from 2001:db8:5::1"
                + " port 547 from client DUID 00:01:00:01:2b:3c:4d:5e:3c:52:82:0a:1b:2c, transaction ID 0x1A2B3C00");
        assertThat(relayed.get("class_uid").asInt()).as("class of %s", relayed).isEqualTo(4004);
        assertThat(relayed.get("activity_id").asInt()).isEqualTo(1);
        assertThat(relayed.at("/relay/ip").asText()).isEqualTo("2001:db8:5::1");
        assertThat(relayed.at("/src_endpoint/uid").asText()).isEqualTo("00:01:00:01:2b:3c:4d:5e:3c:52:82:0a:1b:2c");
        assertProduct(relayed, "ISC DHCP");

        JsonNode reply =
                line("<30>Mar  1 09:02:01 dhcp01 dhcpdv6[930]: Reply NA: address 2001:db8:10::4a to client with"
                        + " duid 00:01:00:01:2b:3c:4d:5e:3c:52:82:0a:1b:2c iaid = 25432 valid for 43200 seconds");
        assertThat(reply.get("activity_id").asInt()).as("activity of %s", reply).isEqualTo(5);
        assertThat(reply.at("/src_endpoint/ip").asText()).isEqualTo("2001:db8:10::4a");
        assertThat(reply.get("lease_dur").asInt()).isEqualTo(43200);

        JsonNode release = line("<30>Mar  1 18:00:00 dhcp01 dhcpd[930]: Release message from fe80::3e52:82ff:fe0a:1b2c"
                + " port 546, transaction ID 0x5D6E7F00");
        assertThat(release.get("activity_id").asInt()).isEqualTo(7);
        assertThat(release.at("/src_endpoint/ip").asText()).isEqualTo("fe80::3e52:82ff:fe0a:1b2c");
    }

    @Test
    void dhcpdLinesAfterAHeaderWithTheHostsNameAndAddressAreReadToo() throws Exception {
        JsonNode ack = line("<30>Mar  1 09:03:00 nios01.example.com 192.0.2.2 dhcpd[2210]: DHCPACK on 192.0.2.77 to"
                + " 3c:52:82:0a:1b:2c (laptop-17) via eth1 relay 192.0.2.1 lease-duration 3600");
        assertThat(ack.get("class_uid").asInt()).as("class of %s", ack).isEqualTo(4004);
        assertThat(ack.get("activity_id").asInt()).isEqualTo(5);
        assertThat(ack.at("/src_endpoint/ip").asText()).isEqualTo("192.0.2.77");
        assertThat(ack.at("/src_endpoint/mac").asText()).isEqualTo("3c:52:82:0a:1b:2c");
        assertThat(ack.at("/device/hostname").asText()).isEqualTo("nios01.example.com");
        assertProduct(ack, "ISC DHCP");
    }
}
