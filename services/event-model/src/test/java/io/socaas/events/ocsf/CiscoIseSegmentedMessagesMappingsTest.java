package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertBaseEventOf;
import static io.socaas.events.ocsf.MappedRecords.assertLogon;
import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.epochMillis;
import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.socaas.events.syslog.SegmentJoiner;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A Cisco ISE authentication that a remote logging target's maximum length split into segments
 * (Cisco ISE Syslogs, "Remote Syslog Message Format"): joined, it is read as the whole message, with
 * the user, endpoint, network device and failure reason that only the later segments carry.
 */
class CiscoIseSegmentedMessagesMappingsTest {

    /** A failed attempt cut into three segments, between attributes (how ISE cuts). */
    private static final String[] FAILED = {
        "2026-03-01 11:00:01.250 +01:00 0000412907 5400 NOTICE Failed-Attempt: Authentication failed,"
                + " ConfigVersionId=87, Device IP Address=172.20.4.1, DestinationIPAddress=172.20.0.15,"
                + " DestinationPort=1812,",
        " UserName=j.rivera, Protocol=Radius, RequestLatency=14, NetworkDeviceName=bldg2-floor3-sw,"
                + " User-Name=j.rivera, NAS-IP-Address=172.20.4.1, NAS-Port=50112, Framed-IP-Address=172.20.31.77,"
                + " Calling-Station-ID=3C-22-FB-91-0A-4E,",
        " FailureReason=22056 Subject not found in the applicable identity store(s),"
                + " EndPointMACAddress=3C-22-FB-91-0A-4E, AcsSessionID=ise-psn02/512345678/9021,"
                + " AuthenticationMethod=PAP_ASCII, SelectedAccessService=Default Network Access,"
    };

    private static String segment(String header, int number) {
        return header + FAILED.length + " " + number + " " + FAILED[number];
    }

    /** The segments through a joiner, in the order given: the messages it gives out, then what it holds. */
    private static List<String> joined(String header, int... order) {
        SegmentJoiner<Void> joiner = new SegmentJoiner<>(64 * 1024, 1 << 20, 1 << 20, 3_000_000_000L);
        List<String> out = new ArrayList<>();
        for (int number : order) {
            joiner.accept("", segment(header, number).getBytes(StandardCharsets.UTF_8), null, number)
                    .forEach(m -> out.add(new String(m.bytes(), StandardCharsets.UTF_8)));
        }
        joiner.flush("the connection ended before they came")
                .forEach(m -> out.add(new String(m.bytes(), StandardCharsets.UTF_8)));
        return out;
    }

    @Test
    void aFailedAuthenticationJoinedFromItsSegmentsCarriesUserEndpointNasAndReason() throws Exception {
        String header = "<181>Mar  1 10:00:01 ise-psn02 CISE_Failed_Attempts 0000412907 ";
        List<String> messages = joined(header, 1, 2, 0);
        assertThat(messages).hasSize(1);

        JsonNode failed = line(messages.getFirst());
        assertLogon(failed, 2, "j.rivera", "172.20.31.77");
        assertThat(failed.at("/src_endpoint/mac").asText()).isEqualTo("3C-22-FB-91-0A-4E");
        assertThat(failed.at("/src_endpoint/uid").asText()).isEqualTo("3C-22-FB-91-0A-4E");
        assertThat(failed.at("/dst_endpoint/ip").asText()).isEqualTo("172.20.4.1");
        assertThat(failed.at("/dst_endpoint/name").asText()).isEqualTo("bldg2-floor3-sw");
        assertThat(failed.get("status_detail").asText())
                .isEqualTo("22056 Subject not found in the applicable identity store(s)");
        assertThat(failed.get("status_code").asText()).isEqualTo("5400");
        assertThat(failed.get("auth_protocol").asText()).isEqualTo("PAP_ASCII");
        assertThat(failed.at("/session/uid").asText()).isEqualTo("ise-psn02/512345678/9021");
        assertThat(failed.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T10:00:01.250Z"));
        assertProduct(failed, "Identity Services Engine");

        // the first segment alone, as it was read before, knows none of them
        JsonNode first = line(segment(header, 0));
        assertThat(first.at("/user/name").isMissingNode()).isTrue();
        assertThat(first.get("status_detail").asText()).isEqualTo("Authentication failed");
    }

    @Test
    void segmentsRelayedInRfc5424AreJoinedAndReadAlike() throws Exception {
        String header = "<181>1 2026-03-01T10:00:01.000Z ise-psn02 CISE_Failed_Attempts - - - 0000412907 ";
        List<String> messages = joined(header, 0, 2, 1);

        JsonNode failed = line(messages.getFirst());
        assertLogon(failed, 2, "j.rivera", "172.20.31.77");
        assertThat(failed.at("/src_endpoint/mac").asText()).isEqualTo("3C-22-FB-91-0A-4E");
        assertThat(failed.at("/dst_endpoint/ip").asText()).isEqualTo("172.20.4.1");
        assertThat(failed.get("status_detail").asText()).startsWith("22056 Subject not found");
    }

    @Test
    void aMessageGivenOutWithoutItsFirstSegmentIsABaseEventOfIseWithWhatCame() throws Exception {
        String header = "<181>Mar  1 10:00:01 ise-psn02 CISE_Failed_Attempts 0000412907 ";
        List<String> messages = joined(header, 2, 1);

        JsonNode rest = line(messages.getFirst());
        assertBaseEventOf(rest, "Identity Services Engine");
        assertThat(rest.at("/unmapped/iseMsgId").asText()).isEqualTo("0000412907");
        assertThat(rest.at("/unmapped/iseSeg").asText()).isEqualTo("1");
        assertThat(rest.get("raw_data").asText()).contains("UserName=j.rivera").contains("FailureReason=22056");

        String relayed = "<181>1 2026-03-01T10:00:01.000Z ise-psn02 CISE_Failed_Attempts - - - 0000412907 ";
        assertBaseEventOf(line(joined(relayed, 2).getFirst()), "Identity Services Engine");
    }
}
