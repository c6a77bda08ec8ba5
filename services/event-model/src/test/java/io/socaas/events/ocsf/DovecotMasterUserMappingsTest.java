package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertBaseEventOf;
import static io.socaas.events.ocsf.MappedRecords.assertClass;
import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * A Dovecot master user logging in as another user (the auth process's {@code Master user logging in as
 * <user>}) is a Logon of that user, with the master user as the actor. Line from augieschwer/grok-patterns
 * {@code test-dovecot.rb}.
 */
class DovecotMasterUserMappingsTest {

    @Test
    void aMasterUserLoggingInAsAnotherUserIsThatUsersLogonByTheMaster() throws Exception {
        JsonNode r = line("<22>Nov 15 11:19:11 d.imapd.sonic.net dovecot: auth:"
                + " passdb(_mwi-master,127.0.0.1,master,<qR6mho3OtgBMv/lE>): Master user logging in as augie");
        assertClass(r, 3002, 1);
        assertThat(r.at("/user/name").asText()).isEqualTo("augie");
        assertThat(r.at("/actor/user/name").asText()).isEqualTo("_mwi-master");
        assertThat(r.at("/src_endpoint/ip").asText()).isEqualTo("127.0.0.1");
        assertThat(r.get("status_id").asInt()).isEqualTo(1);
        assertThat(r.get("account_switch_type_id").asInt()).isEqualTo(99);
        assertThat(r.at("/device/hostname").asText()).isEqualTo("d.imapd.sonic.net");
    }

    @Test
    void theMasterUsersLookupIsNoLogon() throws Exception {
        // the debug line Dovecot writes before it checks the master user: no login yet
        assertBaseEventOf(
                line(
                        "<23>Nov 15 11:19:11 d.imapd.sonic.net dovecot: auth:"
                                + " passdb(_mwi-master,127.0.0.1,master,<qR6mho3OtgBMv/lE>): Master user lookup for login: augie"),
                "Dovecot");
    }
}
