package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertBaseEventOf;
import static io.socaas.events.ocsf.MappedRecords.assertLogon;
import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.epochMillis;
import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * macOS's unified log, as {@code log stream --style syslog} and syslog forwarders write it: Screen
 * Sharing authentications and the login window's logins, logouts, locks and unlocks are
 * Authentication; the other messages of the same daemons stay Base Events of macOS. Lines written
 * from the documented format.
 */
class MacosMappingsTest {

    @Test
    void screenSharingAuthenticationsCarryTheAccountAndTheViewersAddress() throws Exception {
        JsonNode failed = line("2026-03-01 09:59:58.120441+0000  mac-07 screensharingd[812]: Authentication: FAILED ::"
                + " User Name: jdoe :: Viewer Address: 203.0.113.70 :: Type: DH");
        assertProduct(failed, "macOS");
        assertLogon(failed, 2, "jdoe", "203.0.113.70");
        assertThat(failed.at("/service/name").asText()).isEqualTo("Screen Sharing");
        assertThat(failed.get("logon_type_id").asInt()).isEqualTo(10);
        assertThat(failed.get("auth_protocol").asText()).isEqualTo("DH");
        assertThat(failed.at("/device/hostname").asText()).isEqualTo("mac-07");
        assertThat(failed.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:59:58.120Z"));

        JsonNode succeeded = line("<13>Mar  1 09:59:59 mac-07 screensharingd[812]: Authentication: SUCCEEDED ::"
                + " User Name: jdoe :: Viewer Address: 198.51.100.12 :: Type: N/A");
        assertLogon(succeeded, 1, "jdoe", "198.51.100.12");
    }

    @Test
    void loginWindowSessionsAreAuthenticationWithTheUsersId() throws Exception {
        JsonNode unlocked = line("2026-03-01 10:00:01.004512+0000  mac-07 loginwindow[141]:"
                + " [com.apple.loginwindow.logging:Standard] -[SessionAgentNotificationCenter sendBSDNotification:forUserID:]"
                + " | sendBSDNotification: com.apple.sessionagent.screenIsUnlocked, with userID:502");
        assertThat(unlocked.get("class_uid").asInt()).isEqualTo(3002);
        assertThat(unlocked.get("activity_name").asText()).isEqualTo("Logon");
        assertThat(unlocked.get("logon_type").asText()).isEqualTo("Unlock");
        assertThat(unlocked.at("/user/uid").asText()).isEqualTo("502");
        JsonNode locked = line("2026-03-01 10:05:00.000100+0000  mac-07 loginwindow[141]:"
                + " [com.apple.loginwindow.logging:Standard] -[SessionAgentNotificationCenter sendDistributedNotification:forUserID:]"
                + " | sendDistributedNotification: com.apple.screenIsLocked, with userID:502");
        assertThat(locked.get("activity_name").asText()).isEqualTo("Logoff");
        JsonNode logout = line("2026-03-01 18:00:00.000100+0000  mac-07 loginwindow[141]:"
                + " [com.apple.loginwindow.logging:Standard] -[SessionAgentNotificationCenter sendSystemBSDNotification:forUserID:]"
                + " | sendSystemBSDNotification: com.apple.system.loginwindow.logoutNoReturn, with userID:502");
        assertThat(logout.get("activity_name").asText()).isEqualTo("Logoff");
        assertThat(logout.get("logon_type").asText()).isEqualTo("Interactive");

        // a privacy permission recorded by tccd has no class of its own
        assertBaseEventOf(
                line(
                        "2026-03-01 10:00:02.000100+0000  mac-07 tccd[311]: [com.apple.TCC:access] Update Access Record:"
                                + " kTCCServiceCamera for com.example.meet to Allowed at 1772359202 (2026-03-01 10:00:02 +0000)"),
                "macOS");
    }

    @Test
    void aTagNamingTheProcessAMessageIsAboutIsReadAsTheProgram() throws Exception {
        // LogHub's Mac log: the sandboxed process after sandboxd's pid (ASL's RefPID)
        JsonNode sandbox =
                line("Jul  1 09:29:02 calvisitor-10-105-160-95 sandboxd[129] ([31211]): com.apple.Addres(31211)"
                        + " deny network-outbound /private/var/run/mDNSResponder");
        assertThat(sandbox.at("/unmapped/app_name").asText()).isEqualTo("sandboxd");
        assertThat(sandbox.at("/unmapped/proc_id").asText()).isEqualTo("129");
        assertThat(sandbox.at("/unmapped/ref_pid").asText()).isEqualTo("31211");
        assertThat(sandbox.at("/unmapped/hostname").asText()).isEqualTo("calvisitor-10-105-160-95");
        assertThat(sandbox.get("message").asText()).startsWith("com.apple.Addres(31211) deny network-outbound");
        // launchd names the job (ASL's RefProc)
        JsonNode launchd = line(
                "Jul  2 16:55:53 calvisitor-10-105-163-202 com.apple.xpc.launchd[1]"
                        + " (com.apple.xpc.launchd.domain.pid.WebContent.32502): Path not allowed in target domain: type = pid");
        assertThat(launchd.at("/unmapped/app_name").asText()).isEqualTo("com.apple.xpc.launchd");
        assertThat(launchd.at("/unmapped/ref_proc").asText())
                .isEqualTo("com.apple.xpc.launchd.domain.pid.WebContent.32502");
        // an ordinary TAG names no such process
        JsonNode kernel = line("Jul  1 09:32:13 calvisitor-10-105-160-95 kernel[0]: Sandbox: com.apple.Addres(31229)"
                + " deny(1) network-outbound /private/var/run/mDNSResponder");
        assertThat(kernel.at("/unmapped/app_name").asText()).isEqualTo("kernel");
        assertThat(kernel.at("/unmapped/ref_pid").isMissingNode()).isTrue();
        assertThat(kernel.at("/unmapped/ref_proc").isMissingNode()).isTrue();
    }
}
