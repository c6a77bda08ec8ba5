package io.socaas.events.ocsf;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Lines of Zeek's (and Bro's) tab-separated logs sent without their {@code #fields} header (a
 * forwarder tailing {@code conn.log}, {@code dns.log}, {@code http.log}, {@code files.log}, {@code
 * notice.log}, {@code weird.log}): read into
 * the field names Zeek gives them in its JSON logs ({@code id.orig_h}, {@code conn_state}, {@code
 * query}, ...), so that the {@code zeek} mapping file and Sigma's Zeek rules read both forms alike.
 *
 * <p>Which log a line is comes from its number of columns and what they hold: the layouts of the
 * Bro 2.x and Zeek 3-7 default logs. A notice or weird raised without a connection has {@code -} for
 * its uid and both ends. {@code -} (unset) and {@code (empty)} columns are left out. A line
 * that fits no layout is not Zeek's (null). The header lines of such a file ({@link #header}) are read
 * apart: they name the log and its columns and are no event.
 */
final class ZeekTsv {

    private ZeekTsv() {}

    private static final Set<String> TRANSPORTS = Set.of("tcp", "udp", "icmp", "unknown_transport");
    private static final Set<String> CONN_STATES =
            Set.of("S0", "S1", "SF", "REJ", "S2", "S3", "RSTO", "RSTR", "RSTOS0", "RSTRH", "SH", "SHR", "OTH");

    /** A log's columns, named as Zeek names them, from a space-separated list. */
    private static List<String> columns(String names) {
        return List.of(names.split(" "));
    }

    private static List<String> without(List<String> layout, String names) {
        List<String> left = new ArrayList<>(layout);
        left.removeAll(columns(names));
        return List.copyOf(left);
    }

    private static List<String> plus(List<String> layout, String names) {
        List<String> more = new ArrayList<>(layout);
        more.addAll(columns(names));
        return List.copyOf(more);
    }

    private static final String ID = "ts uid id.orig_h id.orig_p id.resp_h id.resp_p ";

    /** conn.log: Zeek, Bro 2.x (no local_resp), Zeek with the MAC addresses (mac-logging). */
    private static final List<String> CONN = columns(
            ID + "proto service duration orig_bytes resp_bytes conn_state"
                    + " local_orig local_resp missed_bytes history orig_pkts orig_ip_bytes resp_pkts resp_ip_bytes tunnel_parents");

    private static final List<String> CONN_BRO = without(CONN, "local_resp");
    private static final List<String> CONN_MAC = plus(CONN, "orig_l2_addr resp_l2_addr");

    /** dns.log: with rtt (Bro 2.1 on), and without. */
    private static final List<String> DNS = columns(ID + "proto trans_id rtt query qclass qclass_name qtype qtype_name"
            + " rcode rcode_name AA TC RD RA Z answers TTLs rejected");

    private static final List<String> DNS_NO_RTT = without(DNS, "rtt");

    /** http.log: Zeek 3+ (origin), Bro 2.5-2.6 (version, file names), Bro 2.x. */
    private static final List<String> HTTP = columns(ID + "trans_depth method host uri referrer version user_agent"
            + " origin request_body_len response_body_len status_code status_msg info_code info_msg tags username"
            + " password proxied orig_fuids orig_filenames orig_mime_types resp_fuids resp_filenames resp_mime_types");

    private static final List<String> HTTP_BRO_25 = without(HTTP, "origin");
    private static final List<String> HTTP_BRO = columns(ID + "trans_depth method host uri referrer user_agent"
            + " request_body_len response_body_len status_code status_msg info_code info_msg filename tags username"
            + " password proxied orig_fuids orig_mime_types resp_fuids resp_mime_types");

    /** files.log before Zeek 5 (hosts and connections as sets): Bro 2.x, and with the extraction's cut-off. */
    private static final List<String> FILES = columns("ts fuid tx_hosts rx_hosts conn_uids source depth analyzers"
            + " mime_type filename duration local_orig is_orig seen_bytes total_bytes missing_bytes overflow_bytes"
            + " timedout parent_fuid md5 sha1 sha256 extracted");

    private static final List<String> FILES_CUTOFF = plus(FILES, "extracted_cutoff extracted_size");

    /** files.log from Zeek 5 on: the connection's uid and id instead of the host and connection sets. */
    private static final List<String> FILES_ZEEK5 = columns("ts fuid uid id.orig_h id.orig_p id.resp_h id.resp_p"
            + " source depth analyzers mime_type filename duration local_orig is_orig seen_bytes total_bytes"
            + " missing_bytes overflow_bytes timedout parent_fuid md5 sha1 sha256 extracted extracted_cutoff"
            + " extracted_size");

    /** notice.log: Zeek 4+ (email_dest), Bro 2.5 to Zeek 3 (n, no email_dest), Bro 2.x before n (dropped). */
    private static final List<String> NOTICE = columns(ID + "fuid file_mime_type file_desc proto note msg sub src dst"
            + " p n peer_descr actions email_dest suppress_for remote_location.country_code remote_location.region"
            + " remote_location.city remote_location.latitude remote_location.longitude");

    private static final List<String> NOTICE_NO_EMAIL = without(NOTICE, "email_dest");
    private static final List<String> NOTICE_BRO = columns(ID + "fuid file_mime_type file_desc proto note msg sub"
            + " src dst p peer_descr actions suppress_for dropped remote_location.country_code remote_location.region"
            + " remote_location.city remote_location.latitude remote_location.longitude");

    /** weird.log: Zeek 4+ (source), Bro 2.x and Zeek 3. */
    private static final List<String> WEIRD = columns(ID + "name addl notice peer source");

    private static final List<String> WEIRD_NO_SOURCE = without(WEIRD, "source");

    /** The directives of the header that opens (and closes) a tab-separated Zeek log file. */
    private static final Set<String> HEADER_DIRECTIVES = Set.of(
            "separator", "set_separator", "empty_field", "unset_field", "path", "open", "close", "fields", "types");

    /**
     * A header line of a tab-separated Zeek log file ({@code #separator \x09}, {@code #path conn}, {@code #open
     * 2019-07-16-14-52-53}, {@code #fields ts uid ...}, {@code #types time string ...}, {@code #close ...}; the
     * directive and its value separated by a tab, {@code #separator} by a space): {@code zeek_header} the
     * directive, {@code zeek_header_value} its value, and for {@code #path} the log's name as {@code _path}; null
     * for any other text.
     */
    static ObjectNode header(String text) {
        if (text.length() < 4 || text.charAt(0) != '#') {
            return null;
        }
        int end = 1;
        while (end < text.length() && (Character.isLetter(text.charAt(end)) || text.charAt(end) == '_')) {
            end++;
        }
        if (end >= text.length()) {
            return null;
        }
        String directive = text.substring(1, end);
        char separator = text.charAt(end);
        if (!HEADER_DIRECTIVES.contains(directive)
                || !(separator == '\t' || (separator == ' ' && directive.equals("separator")))) {
            return null;
        }
        String value = text.substring(end + 1);
        if (value.isBlank()) {
            return null;
        }
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        fields.put("zeek_header", directive);
        fields.put("zeek_header_value", value);
        if (directive.equals("path") && value.indexOf('\t') < 0) {
            fields.put("_path", value);
        }
        return fields;
    }

    /** Whether the text starts as a Zeek log line does: an epoch time (ten digits, a fraction), a tab, an id. */
    static boolean looksLikeZeek(String text) {
        if (text.length() < 16 || text.charAt(0) < '1' || text.charAt(0) > '9' || text.charAt(10) != '.') {
            return false;
        }
        int tab = text.indexOf('\t', 11);
        if (tab < 12 || tab > 20 || text.length() < tab + 3) {
            return false;
        }
        int dot = 10;
        for (int i = 0; i < tab; i++) {
            char c = text.charAt(i);
            if (i != dot && (c < '0' || c > '9')) {
                return false;
            }
        }
        char id = text.charAt(tab + 1);
        return id == 'C' || id == 'F' || (id == '-' && text.charAt(tab + 2) == '\t');
    }

    /** The line's fields by Zeek's names, with {@code _path} the log's name; null when no layout fits. */
    static ObjectNode parse(String text) {
        if (!looksLikeZeek(text)) {
            return null;
        }
        String[] c = text.split("\t", -1);
        String path;
        List<String> names;
        if (c[1].startsWith("F")) {
            path = "files";
            names = c.length == FILES.size()
                    ? FILES
                    : c.length == FILES_CUTOFF.size()
                            ? FILES_CUTOFF
                            : c.length == FILES_ZEEK5.size() && isPortOrUnset(c[4]) ? FILES_ZEEK5 : null;
        } else if ((c.length == NOTICE.size() || c.length == NOTICE_NO_EMAIL.size()) && isNotice(c)) {
            path = "notice";
            names = c.length == NOTICE.size() ? NOTICE : isBool(c[19]) ? NOTICE_BRO : NOTICE_NO_EMAIL;
        } else if ((c.length == WEIRD.size() || c.length == WEIRD_NO_SOURCE.size())
                && isPortOrUnset(c[3])
                && isPortOrUnset(c[5])
                && isBool(c[8])
                && !c[6].equals("-")) {
            path = "weird";
            names = c.length == WEIRD.size() ? WEIRD : WEIRD_NO_SOURCE;
        } else if (c.length < 8 || !isPort(c[3]) || !isPort(c[5])) {
            return null;
        } else if (TRANSPORTS.contains(c[6]) && c.length > 11 && CONN_STATES.contains(c[11])) {
            path = "conn";
            names = c.length == CONN_BRO.size()
                    ? CONN_BRO
                    : c.length == CONN.size() ? CONN : c.length == CONN_MAC.size() ? CONN_MAC : null;
        } else if (TRANSPORTS.contains(c[6]) && isNumber(c[7])) {
            path = "dns";
            names = c.length == DNS.size() ? DNS : c.length == DNS_NO_RTT.size() ? DNS_NO_RTT : null;
        } else if (isNumber(c[6])) {
            path = "http";
            names = c.length == HTTP.size()
                    ? HTTP
                    : c.length == HTTP_BRO_25.size() ? HTTP_BRO_25 : c.length == HTTP_BRO.size() ? HTTP_BRO : null;
        } else {
            return null;
        }
        if (names == null) {
            return null;
        }
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        fields.put("_path", path);
        for (int i = 0; i < c.length; i++) {
            String value = c[i];
            if (!value.equals("-") && !value.equals("(empty)") && !value.isEmpty()) {
                fields.put(names.get(i), value);
            }
        }
        return fields;
    }

    /**
     * Whether the columns are a notice's: the ends unset or ports, the transport unset or one Zeek knows, and
     * a note named as Zeek's notice types are ({@code Module::Name}).
     */
    private static boolean isNotice(String[] c) {
        int colons = c[10].indexOf("::");
        return isPortOrUnset(c[3])
                && isPortOrUnset(c[5])
                && (c[9].equals("-") || TRANSPORTS.contains(c[9]))
                && colons > 0
                && colons + 2 < c[10].length()
                && c[10].indexOf(' ') < 0
                && !c[11].equals("-");
    }

    private static boolean isBool(String text) {
        return text.equals("T") || text.equals("F");
    }

    private static boolean isPortOrUnset(String text) {
        return text.equals("-") || isPort(text);
    }

    private static boolean isPort(String text) {
        return isNumber(text) && text.length() <= 5;
    }

    private static boolean isNumber(String text) {
        if (text.isEmpty() || text.length() > 19) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch < '0' || ch > '9') {
                return false;
            }
        }
        return true;
    }
}
