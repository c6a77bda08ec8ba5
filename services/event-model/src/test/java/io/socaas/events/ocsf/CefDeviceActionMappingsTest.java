package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertAllowed;
import static io.socaas.events.ocsf.MappedRecords.assertDenied;
import static io.socaas.events.ocsf.MappedRecords.assertFlow;
import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * A CEF connection of a product no file of its own reads takes its outcome from CEF's deviceAction
 * ({@code act}). The lines are Forcepoint NGFW's (Stonesoft) through its Security Management Center, from
 * Elastic's cef integration tests (packages/cef/data_stream/log/_dev/test/pipeline/test-fp-ngfw-smc.log), and
 * Check Point's CEF export as Vector's CEF parser tests keep it.
 */
class CefDeviceActionMappingsTest {

    @Test
    void aRefusedConnectionIsDeniedAndAnAllowedOneAllowed() throws Exception {
        JsonNode refused =
                line("CEF:0|FORCEPOINT|Firewall|unknown|70020|Connection_Refused|0|deviceExternalId=Firewall-1"
                        + " node 1 dvc=10.1.1.1 dvchost=10.1.1.1 src=172.16.1.1 dst=192.168.1.1 proto=1 deviceOutboundInterface=255"
                        + " act=Refuse deviceFacility=Packet Filtering rt=Jan 17 2020 08:56:23 app=Echo Request (No Code)"
                        + " cs1Label=RuleID cs1=601.0");
        assertProduct(refused, "CEF");
        assertFlow(refused, 5, "172.16.1.1", null, "192.168.1.1", null);
        assertDenied(refused);
        assertThat(refused.get("status_detail").asText()).isEqualTo("Refuse");

        JsonNode allowed = line("CEF:0|FORCEPOINT|Firewall|6.6.1|70018|Connection_Allowed|0|deviceExternalId=Master FW"
                + " node 1 dvc=10.1.1.40 dvchost=10.1.1.40 src=10.37.205.252 dst=10.1.1.40 proto=1"
                + " deviceOutboundInterface=255 act=Allow msg=Referred connection: 10.1.1.40 -> 10.37.133.35"
                + " frag\\=0x4000 TCP 47413->3020 deviceFacility=Packet Filtering rt=Jan 17 2020 08:52:09"
                + " app=Dest. Unreachable (Host Unreachable) cs1Label=RuleID cs1=2097157.1");
        assertFlow(allowed, 6, "10.37.205.252", null, "10.1.1.40", null);
        assertAllowed(allowed);

        // Check Point's CEF export, as Vector's parse_cef tests keep it (lib/vrl stdlib parse_cef.rs, real_case)
        JsonNode checkPoint = line("CEF:0|Check Point|VPN-1 & FireWall-1|Check Point|Log|https|Unknown|act=Accept"
                + " destinationTranslatedAddress=0.0.0.0 destinationTranslatedPort=0 deviceDirection=0 rt=1543270652000"
                + " sourceTranslatedAddress=192.168.103.254 sourceTranslatedPort=35398 spt=49363 dpt=443 cs2Label=Rule Name"
                + " layer_name=Network layer_uuid=b406b732-2437-4848-9741-6eae1f5bf112 match_id=4 parent_rule=0"
                + " rule_action=Accept rule_uid=9e5e6e74-aa9a-4693-b9fe-53712dd27bea ifname=eth0 logid=0"
                + " loguid={0x5bfc70fc,0x1,0xfe65a8c0,0xc0000001} origin=192.168.101.254"
                + " originsicname=CN\\=R80,O\\=R80_M..6u6bdo sequencenum=1 version=5 dst=52.173.84.157 inzone=Internal"
                + " nat_addtnl_rulenum=1 nat_rulenum=4 outzone=External product=VPN-1 & FireWall-1 proto=6"
                + " service_id=https src=192.168.101.100");
        assertFlow(checkPoint, 6, "192.168.101.100", 49363, "52.173.84.157", 443);
        assertAllowed(checkPoint);
    }

    @Test
    void aConnectionWithoutAnActOrWithAnotherWordKeepsNoOutcome() throws Exception {
        // Connection_Discarded writes no act: a connection of unknown outcome, as before
        JsonNode discarded =
                line("CEF:0|FORCEPOINT|Firewall|unknown|70019|Connection_Discarded|0|deviceExternalId=Firewall-10"
                        + " node 1 dvc=10.1.1.10 dvchost=10.1.1.10 src=172.16.1.1 dst=89.160.20.156 spt=68 dpt=67 proto=17"
                        + " deviceOutboundInterface=255 deviceFacility=Packet Filtering rt=Jan 17 2020 08:56:21 app=BOOTPS (UDP)"
                        + " cs1Label=RuleID cs1=605.0");
        assertFlow(discarded, 6, "172.16.1.1", 68, "89.160.20.156", 67);
        assertThat(discarded.has("disposition_id")).isFalse();
        assertThat(discarded.has("action_id")).isFalse();

        // a word that says nothing of the outcome (a sensor's "Monitor") is no decision either
        JsonNode monitored = line("CEF:0|FORCEPOINT|Firewall|unknown|70020|Connection_Refused|0|src=172.16.1.1"
                + " dst=192.168.1.1 proto=6 act=Monitor rt=Jan 17 2020 08:56:23");
        assertFlow(monitored, 6, "172.16.1.1", null, "192.168.1.1", null);
        assertThat(monitored.has("disposition_id")).isFalse();

        // an act without both endpoints is no connection
        JsonNode noEndpoints = line(
                "CEF:0|FORCEPOINT|Firewall|unknown|70021|Connection_Closed|0|deviceExternalId=Firewall-6"
                        + " node 1 dvc=10.1.1.6 dvchost=10.1.1.6 proto=6 deviceOutboundInterface=255 destinationServiceName=YouTube"
                        + " suser=alice act=Allow deviceFacility=Packet Filtering rt=Jan 17 2020 08:56:20 app=TCP in=32526 out=27366");
        assertThat(noEndpoints.get("class_uid").asInt()).isZero();
    }
}
