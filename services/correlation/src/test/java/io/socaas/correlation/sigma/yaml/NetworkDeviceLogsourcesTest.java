package io.socaas.correlation.sigma.yaml;

import static io.socaas.correlation.sigma.yaml.IngestedEvents.assumeCorpus;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.fired;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.id;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.ingested;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.logsources;
import static org.assertj.core.api.Assertions.assertThat;

import io.socaas.correlation.sigma.domain.Logsource;
import org.junit.jupiter.api.Test;

/**
 * Network devices' own logs as ingestion normalizes them are routed to the Sigma logsources their
 * vendors' SigmaHQ rules name, and those rules fire on the change they describe and stay silent on
 * ordinary events. Lines are written after the devices' documented formats; without the corpus
 * ({@code SOCAAS_CORPUS}) the rule tests are skipped.
 */
class NetworkDeviceLogsourcesTest {

    private static final Logsource FORTIGATE_EVENT = new Logsource("fortigate", null, "event");

    /** A FortiOS 7 "Object attribute configured" event (logid 0100044547). */
    private static String fortigateConfig(String action, String cfgpath, String cfgobj) {
        return "<189>date=2026-03-01 time=09:15:02 devname=\"FGT-HQ\" devid=\"FGT60FTK2209C042\""
                + " eventtime=1772356502000000000 tz=\"+0000\" logid=\"0100044547\" type=\"event\" subtype=\"system\""
                + " level=\"information\" vd=\"root\" logdesc=\"Object attribute configured\" user=\"netadmin\""
                + " ui=\"https(192.0.2.50)\" action=\"" + action + "\" cfgtid=1234 cfgpath=\"" + cfgpath + "\""
                + " cfgobj=\"" + cfgobj + "\" msg=\"" + action + " " + cfgpath + " " + cfgobj + "\"";
    }

    @Test
    void fortigateEventLogsAreRoutedToFortigateEventRules() {
        String traffic = "<189>date=2026-03-01 time=09:15:02 devname=\"FGT-HQ\" devid=\"FGT60FTK2209C042\""
                + " logid=\"0000000013\" type=\"traffic\" subtype=\"forward\" level=\"notice\" vd=\"root\""
                + " srcip=192.0.2.10 srcport=51234 dstip=198.51.100.20 dstport=443 proto=6 action=\"close\""
                + " policyid=1 service=\"HTTPS\"";
        assertThat(logsources(ingested(fortigateConfig("Add", "firewall.policy", "17"))))
                .contains(FORTIGATE_EVENT);
        assertThat(logsources(ingested(traffic))).doesNotContain(FORTIGATE_EVENT);

        assumeCorpus();
        String policyAdded = id("rules/network/fortinet/fortigate/fortinet_fortigate_new_firewall_policy_added.yml");
        String userCreated = id("rules/network/fortinet/fortigate/fortinet_fortigate_new_local_user_created.yml");
        assertThat(fired(fortigateConfig("Add", "firewall.policy", "17"))).contains(policyAdded);
        assertThat(fired(fortigateConfig("Add", "user.local", "contractor1"))).contains(userCreated);
        assertThat(fired(fortigateConfig("Edit", "firewall.policy", "17"))).doesNotContain(policyAdded);
        assertThat(fired(traffic)).doesNotContain(policyAdded, userCreated);
    }
}
