package io.socaas.correlation.sigma.yaml;

import static io.socaas.correlation.sigma.yaml.IngestedEvents.assumeCorpus;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.fired;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.id;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.ingested;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.logsources;
import static org.assertj.core.api.Assertions.assertThat;

import io.socaas.correlation.sigma.domain.Logsource;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ClamAV's detections as ingestion normalizes them reach SigmaHQ's {@code linux}/{@code clamav}
 * rules from every program that reports them through syslog (clamd, clamonacc's on-access
 * scanning, clamav-milter) and from the log file clamd writes (LogFile with LogTime: {@code
 * <asctime> -> <message>}). Lines written after ClamAV's documented log formats; without the
 * corpus ({@code SOCAAS_CORPUS}) the rule tests are skipped.
 */
class ClamavLogsourcesTest {

    private static final Logsource CLAMAV = new Logsource("linux", null, "clamav");
    private static final String RULE = "rules/linux/builtin/clamav/lnx_clamav_relevant_message.yml";

    /** The same finding as each program and the log file report it. */
    private static List<String> findings(String file, String signature) {
        return List.of(
                "Mar  1 09:15:02 files02 clamd[1207]: " + file + ": " + signature + " FOUND",
                "Mar  1 09:15:02 files02 clamonacc[1311]: " + file + ": " + signature + " FOUND",
                "Mar  1 09:15:02 files02 clamonacc[1311]: ScanOnAccess: " + file + ": " + signature + " FOUND",
                "Sun Mar  1 09:15:02 2026 -> " + file + ": " + signature + " FOUND",
                "Sun Mar  1 09:15:02 2026 -> " + file + ": " + signature
                        + "(3f1e2d4c5b6a79880a1b2c3d4e5f6071:73802) FOUND");
    }

    @Test
    void clamavFindingsOfEveryProgramAndOfTheLogFileAreClamavEvents() {
        for (String line : findings("/srv/share/finance/invoice_0311.exe", "Win.Trojan.Agent-9971")) {
            assertThat(logsources(ingested(line))).as(line).contains(CLAMAV);
        }
        // clamd's own log file, not a finding
        assertThat(logsources(ingested("Sun Mar  1 09:20:00 2026 -> SelfCheck: Database status OK.")))
                .contains(CLAMAV);
        // a line of another program with the same text is not ClamAV's
        assertThat(logsources(
                        ingested("Mar  1 09:15:02 files02 backupd[880]: /srv/x.exe: Win.Trojan.Agent-9971 FOUND")))
                .doesNotContain(CLAMAV);
    }

    @Test
    void theClamavRuleFiresOnATrojanFoundByAnyProgramAndNotOnOtherFindings() {
        assumeCorpus();
        String rule = id(RULE);
        for (String line : findings("/srv/share/finance/invoice_0311.exe", "Win.Trojan.Agent-9971")) {
            assertThat(fired(line)).as(line).contains(rule);
        }
        for (String line : findings("/srv/share/finance/invoice_0311.pdf", "Pdf.Exploit.CVE_2018_4882-6418977-0")) {
            assertThat(fired(line)).as(line).doesNotContain(rule);
        }
        assertThat(fired("Sun Mar  1 09:20:00 2026 -> SelfCheck: Database status OK."))
                .doesNotContain(rule);
    }
}
