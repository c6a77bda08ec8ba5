package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertClass;
import static io.socaas.events.ocsf.MappedRecords.assertFlow;
import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.json;
import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * UniFi access points' own syslog lines (the device stamp before the program, in both firmware
 * shapes) and UniFi gateways' port forwarding log lines, in the shapes the devices write, with
 * addresses and MACs of our own.
 */
class UnifiAccessPointAndGatewayMappingsTest {

    @Test
    void hostapdAssociationsAreConnectionsOfTheClientToTheAccessPoint() throws Exception {
        JsonNode r = line("<14>Dec  6 10:00:01 U7PG2,788a20123456,v6.5.28.14491: hostapd: ath0: STA 4c:32:75:aa:bb:cc"
                + " IEEE 802.11: associated");
        assertProduct(r, "UniFi Network");
        assertClass(r, 4001, 1);
        assertThat(r.at("/src_endpoint/mac").asText()).isEqualTo("4c:32:75:aa:bb:cc");
        assertThat(r.at("/dst_endpoint/mac").asText()).isEqualTo("788a20123456");
        assertThat(r.at("/dst_endpoint/interface_name").asText()).isEqualTo("ath0");
        assertThat(r.at("/device/model").asText()).isEqualTo("U7PG2");
        assertThat(r.at("/unmapped/app_name").asText()).isEqualTo("hostapd");
        assertThat(r.at("/unmapped/unifi_device_firmware").asText()).isEqualTo("6.5.28.14491");

        // newer firmware: the MAC first, model and version joined, the access point's name as the host
        JsonNode gone = line("<30>Jun 30 18:00:00 U7-Lite 1c0b8bc42f58,U7-Lite-8.6.11+18870: hostapd: wifi0ap5:"
                + " STA c0:49:ef:8c:07:2c IEEE 802.11: disassociated due to inactivity");
        assertClass(gone, 4001, 2);
        assertThat(gone.at("/src_endpoint/mac").asText()).isEqualTo("c0:49:ef:8c:07:2c");
        assertThat(gone.at("/dst_endpoint/hostname").asText()).isEqualTo("U7-Lite");
        assertThat(gone.at("/dst_endpoint/interface_name").asText()).isEqualTo("wifi0ap5");
        assertThat(gone.at("/device/model").asText()).isEqualTo("U7-Lite");
        assertThat(gone.get("status_detail").asText()).isEqualTo("disassociated due to inactivity");
        JsonNode deauth = line("<30>Jun 30 18:00:01 U7-Lite 1c0b8bc42f58,U7-Lite-8.6.11+18870: hostapd: wifi0ap5:"
                + " STA c0:49:ef:8c:07:2c IEEE 802.11: deauthenticated due to local deauth request");
        assertClass(deauth, 4001, 2);

        // the event reporter's join and leave, also written under the program "syslog" by older firmware
        JsonNode join = line("<30>Jun 30 18:00:00 U6-Ext 1c6a1b60baa0,U6-Extender-6.8.2+15592: : wevent:"
                + " wevent.ubnt_custom_event(): EVENT_STA_JOIN wifi0ap1: c0:49:ef:8c:07:2c / 1");
        assertClass(join, 4001, 1);
        assertThat(join.at("/unmapped/app_name").asText()).isEqualTo("wevent");
        assertThat(join.at("/src_endpoint/mac").asText()).isEqualTo("c0:49:ef:8c:07:2c");
        JsonNode leave = line("<30>Nov 24 00:15:14 U7LT,802aa8001122,v3.9.3.7537: syslog: wevent.ubnt_custom_event():"
                + " EVENT_STA_LEAVE ath0: 00:11:22:33:44:55 / 4");
        assertClass(leave, 4001, 2);
        assertThat(leave.at("/dst_endpoint/mac").asText()).isEqualTo("802aa8001122");
    }

    @Test
    void aWrongWifiKeyIsAFailedLogonOfTheClient() throws Exception {
        JsonNode r = line("<14>Dec  6 10:00:02 U7PG2,788a20123456,v6.5.28.14491: hostapd: ath1: STA 4c:32:75:aa:bb:cc"
                + " WPA: invalid MIC in msg 2/4 of 4-Way Handshake");
        assertClass(r, 3002, 1);
        assertThat(r.get("status_id").asInt()).isEqualTo(2);
        assertThat(r.at("/src_endpoint/mac").asText()).isEqualTo("4c:32:75:aa:bb:cc");
        assertThat(r.at("/dst_endpoint/mac").asText()).isEqualTo("788a20123456");
        assertThat(r.get("status_detail").asText()).isEqualTo("invalid MIC in msg 2/4 of 4-Way Handshake");
        JsonNode eap = line("<14>Dec  6 10:00:03 U7PG2,788a20123456,v6.5.28.14491: hostapd: ath1: STA 4c:32:75:aa:bb:cd"
                + " IEEE 802.1X: authentication failed - EAP type: 25 (PEAP)");
        assertClass(eap, 3002, 1);
        assertThat(eap.get("status_id").asInt()).isEqualTo(2);
        JsonNode ok = line("<14>Dec  6 10:00:04 U7PG2,788a20123456,v6.5.28.14491: hostapd: ath1: STA 4c:32:75:aa:bb:cc"
                + " WPA: pairwise key handshake completed (RSN)");
        assertClass(ok, 3002, 1);
        assertThat(ok.get("status_id").asInt()).isEqualTo(1);

        // the station tracker's failed join attempt, its program written twice
        JsonNode tracker = line("<30>Oct 14 14:23:05 LoftAP6 f492bfa5743c,U6-Lite-5.60.9+12980: stahtd: stahtd[20181]:"
                + " [STA-TRACKER].stahtd_dump_event(): {\"auth_ts\":\"6687237.334687\",\"message_type\":"
                + "\"STA_ASSOC_TRACKER\",\"assoc_status\":\"32\",\"vap\":\"ra0\",\"mac\":\"b6:4a:7e:ce:89:b9\","
                + "\"event_type\":\"failure\",\"event_id\":\"1\"} - n2p, flags: 0x20");
        assertClass(tracker, 4001, 4);
        assertThat(tracker.at("/src_endpoint/mac").asText()).isEqualTo("b6:4a:7e:ce:89:b9");
        assertThat(tracker.at("/dst_endpoint/interface_name").asText()).isEqualTo("ra0");
        assertThat(tracker.get("status_code").asText()).isEqualTo("32");
        assertThat(tracker.at("/unmapped/app_name").asText()).isEqualTo("stahtd");
        assertThat(tracker.at("/unmapped/proc_id").asText()).isEqualTo("20181");
    }

    @Test
    void theAccessPointsOtherLinesAndLookAlikesAreNotWifiEvents() throws Exception {
        // a soft failure is DHCP or DNS after joining, not a failed join
        JsonNode soft = line("<14>Nov 17 16:03:08 802aa849de91,UAP-AC-Lite-5.43.43+12741: : stahtd[3242]:"
                + " [STA-TRACKER].stahtd_dump_event(): {\"message_type\":\"STA_ASSOC_TRACKER\",\"vap\":\"ath0\","
                + "\"mac\":\"7c:2a:db:42:7e:22\",\"event_type\":\"soft failure\",\"assoc_status\":\"0\"}");
        assertProduct(soft, "UniFi Network");
        assertClass(soft, 0, 99);
        assertThat(soft.at("/unmapped/app_name").asText()).isEqualTo("stahtd");
        JsonNode kernel =
                line("<30>Jun 30 18:00:00 U6-Ext 1c6a1b60baa0,U6-Extender-6.8.2+15592: kernel: [947552.028975]"
                        + " [wifi0ap1] ieee80211_set_node_vid node c0:49:ef:8c:07:2c lan[0] dvlan stas 0");
        assertThat(kernel.get("class_uid").asInt()).isNotIn(3002, 4001);
        assertThat(kernel.at("/unmapped/app_name").asText()).isEqualTo("kernel");

        // hostapd on another access point (OpenWrt), without the UniFi stamp, is not UniFi's
        JsonNode openwrt =
                line("<30>Oct 10 20:22:28 ap1 hostapd: phy1-ap0: STA 6c:ac:c2:60:aa:3f IEEE 802.11: disassociated");
        assertThat(openwrt.at("/metadata/product/name").asText()).isNotEqualTo("UniFi Network");
        // a tag with commas that is no device stamp stays the tag
        JsonNode words = line("<14>Dec  6 10:00:01 host1 alpha,beta,v1.2: hostapd: ath0: STA 4c:32:75:aa:bb:cc"
                + " IEEE 802.11: associated");
        assertThat(words.at("/metadata/product/name").asText()).isNotEqualTo("UniFi Network");
        assertThat(words.at("/unmapped/app_name").asText()).isEqualTo("alpha,beta,v1.2");
        // a station's association text in a stamped line of another program is not hostapd's
        JsonNode echo = line("<14>Dec  6 10:00:01 U7PG2,788a20123456,v6.5.28.14491: mcad: ath0: STA 4c:32:75:aa:bb:cc"
                + " IEEE 802.11: associated");
        assertClass(echo, 0, 99);
    }

    @Test
    void aStampAShipperReadAsTheProgramIsUnstamped() throws Exception {
        // the lines users posted (Graylog's UniFi guide, issue 2; SOF-ELK, issue 408) as Logstash's
        // SYSLOGLINE pattern splits them: the stamp is what PROG matches before the colon, the real
        // program starts the message
        JsonNode deauth = json("{\"@timestamp\":\"2026-03-01T09:59:58.000Z\",\"host\":\"192.0.2.20\","
                + "\"program\":\"U7PG2,f09fc226cf74,v4.0.1.9421\",\"message\":\"hostapd: ath5: STA aa:bb:cc:dd:ee:ff"
                + " IEEE 802.11: deauthenticated due to local deauth request\"}");
        assertProduct(deauth, "UniFi Network");
        assertClass(deauth, 4001, 2);
        assertThat(deauth.at("/src_endpoint/mac").asText()).isEqualTo("aa:bb:cc:dd:ee:ff");
        assertThat(deauth.at("/dst_endpoint/mac").asText()).isEqualTo("f09fc226cf74");
        assertThat(deauth.at("/dst_endpoint/interface_name").asText()).isEqualTo("ath5");
        assertThat(deauth.at("/device/model").asText()).isEqualTo("U7PG2");
        assertThat(deauth.at("/unmapped/app_name").asText()).isEqualTo("hostapd");
        assertThat(deauth.at("/unmapped/unifi_device_firmware").asText()).isEqualTo("4.0.1.9421");
        assertThat(deauth.at("/unmapped/hostname").asText()).isEqualTo("192.0.2.20");
        assertThat(deauth.get("status_detail").asText()).isEqualTo("deauthenticated due to local deauth request");

        // newer firmware's stamp, the program with its pid
        JsonNode roam = json(
                "{\"@timestamp\":\"2026-03-01T09:59:58.000Z\",\"program\":\"aabbccddeeff,U7-Pro-XG-8.6.11+18870\","
                        + "\"message\":\"hostapd[6885]: wifi0ap1: STA 00:99:88:77:66:55 WPA: Receive UBNT_ROAM from 44:33:22:11:00:aa\"}");
        assertProduct(roam, "UniFi Network");
        assertThat(roam.at("/unmapped/app_name").asText()).isEqualTo("hostapd");
        assertThat(roam.at("/unmapped/proc_id").asText()).isEqualTo("6885");
        assertThat(roam.at("/unmapped/unifi_device_model").asText()).isEqualTo("U7-Pro-XG");
        assertThat(roam.at("/unmapped/unifi_device_firmware").asText()).isEqualTo("8.6.11+18870");
        assertThat(roam.at("/unmapped/message").asText()).startsWith("wifi0ap1: STA 00:99:88:77:66:55");

        // a program with commas that is no stamp stays the program; the message stays whole
        JsonNode notStamp = json("{\"@timestamp\":\"2026-03-01T09:59:58.000Z\",\"program\":\"ap,lobby\","
                + "\"message\":\"hostapd: ath5: STA aa:bb:cc:dd:ee:ff IEEE 802.11: deauthenticated due to local deauth"
                + " request\"}");
        assertThat(notStamp.at("/unmapped/unifi_device_mac").isMissingNode()).isTrue();
        assertThat(notStamp.at("/metadata/product/name").asText()).isNotEqualTo("UniFi Network");
    }

    @Test
    void portForwardingHitsAreTranslatedTrafficWithTheRule() throws Exception {
        JsonNode r =
                line("<13>Jun 19 18:17:24 UDM-Pro UDM-Pro [PREROUTING-DNAT-11] DESCR=\"PortForward DNAT [Nginx SSL]\""
                        + " IN=eth8 OUT= MAC=6c:63:f8:00:00:01:2c:c1:f4:00:00:02:08:00 SRC=198.51.100.80 DST=203.0.113.10"
                        + " LEN=52 TOS=00 PREC=0x00 TTL=53 ID=35859 PROTO=TCP SPT=44596 DPT=443 SEQ=1402745621 ACK=0"
                        + " WINDOW=65535 SYN URGP=0 MARK=1a0000");
        assertFlow(r, 6, "198.51.100.80", 44596, "203.0.113.10", 443);
        assertThat(r.get("action_id").asInt()).isEqualTo(4);
        assertThat(r.at("/firewall_rule/name").asText()).isEqualTo("[PREROUTING-DNAT-11]");
        assertThat(r.at("/firewall_rule/desc").asText()).isEqualTo("PortForward DNAT [Nginx SSL]");
        assertThat(r.at("/device/hostname").asText()).isEqualTo("UDM-Pro");

        // a drop rule still refuses, even with "DNAT" in its description
        JsonNode drop = line(
                "<13>Jun 19 18:17:05 UDM-Pro UDM-Pro [WAN_IN-2000-D] DESCR=\"Block DNAT probes\" IN=eth8"
                        + " OUT=br0 SRC=198.51.100.81 DST=192.168.1.20 LEN=40 PROTO=TCP SPT=5000 DPT=22 WINDOW=1024 SYN URGP=0");
        assertFlow(drop, 5, "198.51.100.81", 5000, "192.168.1.20", 22);
        assertThat(drop.get("action_id").asInt()).isEqualTo(2);
        // another chain's DNAT-like label is no port forwarding rule
        JsonNode other = line("<13>Jun 19 18:17:06 gw1 kernel: [POSTROUTING-SNAT-3] IN= OUT=eth8 SRC=192.168.1.20"
                + " DST=198.51.100.82 LEN=40 PROTO=TCP SPT=5001 DPT=443");
        assertThat(other.path("action_id").asInt(0)).isNotEqualTo(4);
    }
}
