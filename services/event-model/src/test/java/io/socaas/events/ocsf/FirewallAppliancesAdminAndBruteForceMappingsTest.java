package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertAuthentication;
import static io.socaas.events.ocsf.MappedRecords.assertBaseEventOf;
import static io.socaas.events.ocsf.MappedRecords.assertDenied;
import static io.socaas.events.ocsf.MappedRecords.assertLogon;
import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * pfSense and OPNsense administrators' sessions and configuration changes, and sshguard, the brute-force
 * blocker those appliances run, in the shapes they write, with values of our own.
 */
class FirewallAppliancesAdminAndBruteForceMappingsTest {

    @Test
    void pfSenseLogoutsAndConfigurationChangesNameTheAdministratorAndAddress() throws Exception {
        JsonNode out = line("<134>Mar  1 09:00:00 gw1 php-fpm[389]: /index.php: User logged out for user 'ops' from:"
                + " 10.9.0.5 (Local Database)");
        assertAuthentication(out, 2, "ops", "10.9.0.5");
        JsonNode timeout = line("<134>Mar  1 09:00:00 gw1 php-fpm[389]: /index.php: Session timed out for user 'ops'"
                + " from: 10.9.0.5");
        assertAuthentication(timeout, 2, "ops", "10.9.0.5");
        assertThat(timeout.get("status_detail").asText()).isEqualTo("Session timed out");

        JsonNode change = line("<134>Mar  1 09:01:00 gw1 php-fpm[389]: /firewall_rules_edit.php: Configuration Change:"
                + " ops@10.9.0.5 (Local Database): Firewall: Rules - saved/edited a firewall rule.");
        assertThat(change.get("class_uid").asInt()).isEqualTo(6003);
        assertThat(change.get("activity_id").asInt()).isEqualTo(3);
        assertThat(change.at("/actor/user/name").asText()).isEqualTo("ops");
        assertThat(change.at("/src_endpoint/ip").asText()).isEqualTo("10.9.0.5");
        assertThat(change.at("/api/operation").asText()).isEqualTo("Firewall: Rules - saved/edited a firewall rule.");
    }

    @Test
    void opnSenseConfigurationChangesAndLoginsWithTheAddress() throws Exception {
        JsonNode api = line("<37>Mar  1 09:02:00 opn1 audit[4411]: user ops@10.9.0.6 changed configuration to"
                + " /conf/backup/config-1772355720.1234.xml in /api/firewall/filter/delRule/abc"
                + " /api/firewall/filter/delRule/abc made changes");
        assertThat(api.get("class_uid").asInt()).isEqualTo(6003);
        assertThat(api.at("/actor/user/name").asText()).isEqualTo("ops");
        assertThat(api.at("/src_endpoint/ip").asText()).isEqualTo("10.9.0.6");
        assertThat(api.at("/api/operation").asText()).isEqualTo("/api/firewall/filter/delRule/abc");
        JsonNode script = line(
                "<37>Mar  1 09:02:01 opn1 audit[4411]: user (root) changed configuration to"
                        + " /conf/backup/config-1772355721.5.xml in /usr/local/sbin/pluginctl /usr/local/sbin/pluginctl made changes");
        assertThat(script.at("/actor/user/name").asText()).isEqualTo("root");
        assertThat(script.at("/src_endpoint/ip").isMissingNode()).isTrue();
        JsonNode login = line("<37>Mar  1 09:02:02 opn1 audit[4411]: /index.php: user ops@10.9.0.6 could not"
                + " authenticate for WebGui. [using OPNsense\\Auth\\Services\\WebGui + OPNsense\\Auth\\Local]");
        assertLogon(login, 2, "ops", "10.9.0.6");
    }

    @Test
    void sshguardAttacksAndBlocksAreFindingsWithTheAttacker() throws Exception {
        JsonNode attack = line("<38>Mar  1 09:03:00 gw1 sshguard[5021]: Attack from \"198.51.100.201\" on service SSH"
                + " with danger 10.");
        assertProduct(attack, "sshguard");
        assertThat(attack.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(attack.get("severity_id").asInt()).isEqualTo(2);
        assertThat(attack.at("/evidences/0/src_endpoint/ip").asText()).isEqualTo("198.51.100.201");
        assertThat(attack.has("action_id")).isFalse();

        JsonNode block = line("<38>Mar  1 09:03:05 gw1 sshguard[5021]: Blocking \"198.51.100.201/32\" for 120 secs"
                + " (3 attacks in 5 secs, after 1 abuses over 5 secs.)");
        assertThat(block.get("class_uid").asInt()).isEqualTo(2004);
        assertDenied(block);
        assertThat(block.get("is_alert").asBoolean()).isTrue();
        assertThat(block.at("/evidences/0/src_endpoint/ip").asText()).isEqualTo("198.51.100.201");
        // the older forms
        assertThat(line("<38>Mar  1 09:03:05 gw1 sshguard[5021]: 198.51.100.202: blocking for 240 secs (3 attacks in"
                                + " 9 secs, after 1 abuses over 9 secs)")
                        .at("/evidences/0/src_endpoint/ip")
                        .asText())
                .isEqualTo("198.51.100.202");
        assertThat(line("<38>Mar  1 09:03:05 gw1 sshguard[5021]: Blocking 198.51.100.203:4 for >630secs: 40 danger in"
                                + " 4 attacks over 435 seconds (all: 40d in 1 abuses over 435s).")
                        .at("/evidences/0/src_endpoint/ip")
                        .asText())
                .isEqualTo("198.51.100.203");
        assertBaseEventOf(line("<38>Mar  1 09:03:06 gw1 sshguard[5021]: Monitoring attacks from stdin"), "sshguard");
        // another program's line in sshguard's words is not sshguard's
        JsonNode other =
                line("<38>Mar  1 09:03:06 gw1 app: Attack from \"198.51.100.9\" on service SSH with danger 10.");
        assertThat(other.at("/metadata/product/name").asText()).isNotEqualTo("sshguard");
    }
}
