package io.socaas.ingestion.syslog.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RelpFrameDecoderTest {

    private static final byte[] SESSION =
            ("1 open 83 relp_version=0\nrelp_software=librelp,1.11.0,https://www.rsyslog.com\ncommands=syslog\n"
                            + "2 syslog 22 <13>1 - h app - - - hi\n"
                            + "3 close 0\n")
                    .getBytes(StandardCharsets.UTF_8);

    @Test
    void readsOpenSyslogAndCloseFramesFedInAnyPieces() {
        for (int piece = 1; piece <= SESSION.length; piece++) {
            RelpFrameDecoder decoder = new RelpFrameDecoder(1024);
            List<RelpFrameDecoder.Frame> frames = new ArrayList<>();
            for (int at = 0; at < SESSION.length; at += piece) {
                frames.addAll(decoder.feed(SESSION, at, Math.min(piece, SESSION.length - at)));
            }

            assertThat(frames).extracting(RelpFrameDecoder.Frame::txnr).containsExactly(1L, 2L, 3L);
            assertThat(frames).extracting(RelpFrameDecoder.Frame::command).containsExactly("open", "syslog", "close");
            assertThat(frames.get(1).text()).isEqualTo("<13>1 - h app - - - hi");
            assertThat(frames.get(2).data()).isEmpty();
        }
    }

    @Test
    void refusesWhatIsNoRelpAndAFrameOverTheLimit() {
        byte[] plain = "<13>Mar  1 09:15:02 h app: x\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new RelpFrameDecoder(1024).feed(plain, 0, plain.length))
                .isInstanceOf(RelpFrameDecoder.RelpProtocolException.class);

        byte[] large = "7 syslog 2048 ".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new RelpFrameDecoder(1024).feed(large, 0, large.length))
                .hasMessageContaining("exceeds the limit of 1024");
    }

    @Test
    void writesResponsesAsTheSpecificationFramesThem() {
        assertThat(new String(RelpFrameDecoder.response(2, "200 OK"), StandardCharsets.UTF_8))
                .isEqualTo("2 rsp 6 200 OK\n");
        assertThat(new String(RelpFrameDecoder.response(3, ""), StandardCharsets.UTF_8))
                .isEqualTo("3 rsp 0\n");
    }
}
