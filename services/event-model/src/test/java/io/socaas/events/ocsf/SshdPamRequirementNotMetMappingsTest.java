package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertBaseEventOf;
import static io.socaas.events.ocsf.MappedRecords.assertClass;
import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * pam_succeed_if refusing a user in sshd's auth stack ({@code requirement "uid >= 1000" not met by user
 * "root"}, the usual CentOS/RHEL guard against root logins) is a failed login of that user. The line is
 * loghub's (logpai/loghub) OpenSSH sample; the message and its counterpart {@code was met by user} are
 * written by linux-pam/linux-pam {@code modules/pam_succeed_if/pam_succeed_if.c}.
 */
class SshdPamRequirementNotMetMappingsTest {

    @Test
    void aRequirementNotMetInTheAuthStackIsAFailedLoginOfTheUser() throws Exception {
        JsonNode r = line("<86>Feb 22 16:45:20 slave22 sshd[2738]: pam_succeed_if(sshd:auth):"
                + " requirement \"uid >= 1000\" not met by user \"root\"");
        assertClass(r, 3002, 1);
        assertThat(r.at("/user/name").asText()).isEqualTo("root");
        assertThat(r.get("status_id").asInt()).isEqualTo(2);
        assertThat(r.get("status_detail").asText()).isEqualTo("requirement \"uid >= 1000\" not met");
        assertThat(r.at("/device/hostname").asText()).isEqualTo("slave22");
    }

    @Test
    void aRequirementMetIsNoFailure() throws Exception {
        assertBaseEventOf(
                line("<86>Feb 22 16:45:20 slave22 sshd[2738]: pam_succeed_if(sshd:auth):"
                        + " requirement \"uid >= 1000\" was met by user \"alice\""),
                "OpenSSH");
    }
}
