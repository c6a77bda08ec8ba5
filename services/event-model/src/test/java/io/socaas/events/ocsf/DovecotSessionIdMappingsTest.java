package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertAuthentication;
import static io.socaas.events.ocsf.MappedRecords.assertBaseEventOf;
import static io.socaas.events.ocsf.MappedRecords.assertLogon;
import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Dovecot configured to log the session id right after the user ({@code login_log_format_elements}
 * with {@code session=%{session}} before {@code method=}, and {@code mail_log_prefix} with it before
 * the text), as sonic.net's IMAP servers write it (augieschwer/grok-patterns, {@code
 * test-dovecot.rb}): logins, failed logins and logouts are read as they are in the default layout.
 */
class DovecotSessionIdMappingsTest {

    @Test
    void loginsAndFailedLoginsWithTheSessionBeforeTheMethod() throws Exception {
        JsonNode login = line("Nov 14 09:19:48 d.imapd.sonic.net dovecot: imap-login: Login: user=<augie>,"
                + " session=h6/hvXfOIQBAjhIX, method=PLAIN, rip=127.0.0.1, lip=127.0.0.1, mpid=30699, secured");
        assertLogon(login, 1, "augie", "127.0.0.1");
        assertThat(login.at("/dst_endpoint/ip").asText()).isEqualTo("127.0.0.1");

        assertLogon(
                line("Nov 15 10:02:43 d.imapd.sonic.net dovecot: pop3-login: Login: user=<augie>,"
                        + " session=RjEydYzOewBGJIO7, method=PLAIN, rip=127.0.0.1, lip=127.0.0.1, mpid=28885, secured"),
                1,
                "augie",
                "127.0.0.1");

        JsonNode failed = line("Nov 14 14:39:07 d.imapd.sonic.net dovecot: imap-login: Disconnected (auth failed, 1"
                + " attempts in 4 secs): user=<augie>, session=r6WPM3zOEwBDoSRN, method=PLAIN, rip=127.0.0.1,"
                + " lip=127.0.0.1, secured");
        assertLogon(failed, 2, "augie", "127.0.0.1");
    }

    @Test
    void logoutsWithTheSessionBeforeTheText() throws Exception {
        assertAuthentication(
                line("Nov 14 09:43:53 d.imapd.sonic.net dovecot: imap(augie): session=h6/hvXfOIQBAjhIX Disconnected:"
                        + " Logged out in=1970 out=6063"),
                2,
                "augie",
                null);
        assertAuthentication(
                line("Nov 15 11:01:23 d.imapd.sonic.net dovecot: pop3(augie): session=ahouI43OYgBI07ev Disconnected"
                        + " for inactivity top=0/0, retr=1/39452, del=0/2968, size=87834658"),
                2,
                "augie",
                null);
    }

    @Test
    void aMailboxChangeOfTheSessionIsNoLogout() throws Exception {
        assertBaseEventOf(
                line("Nov 14 09:19:55 d.imapd.sonic.net dovecot: imap(augie): session=h6/hvXfOIQBAjhIX flag_change:"
                        + " box=INBOX, uid=5999, msgid=<50a2fd7186110_c5b8fdeba98106@3133194401.twitter.com.tmail>,"
                        + " size=6168, from=Twitter <c-nhtvr=fbavp.arg-a2bd3@postmaster.twitter.com>,"
                        + " flags=(\\Seen NonJunk)"),
                "Dovecot");
        // a session id that is no id (a space in it) does not make a login of the line
        assertBaseEventOf(
                line("Nov 14 09:19:48 d.imapd.sonic.net dovecot: imap-login: Login: user=<augie>, session=not an id,"
                        + " method=PLAIN, rip=127.0.0.1"),
                "Dovecot");
    }
}
