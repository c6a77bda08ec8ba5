package io.socaas.correlation.sigma.domain;

import static io.socaas.correlation.sigma.domain.SigmaTestData.event;
import static io.socaas.correlation.sigma.domain.SigmaTestData.ruleWithDetection;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ModifierTest {

    private static SigmaRule selection(String fieldLine) {
        return ruleWithDetection("selection:\n  " + fieldLine + "\ncondition: selection\n");
    }

    @Test
    void containsMatchesASubstringIgnoringCase() {
        SigmaRule rule = selection("CommandLine|contains: ' /PRIV'");
        assertThat(rule.matches(event("{\"CommandLine\":\"whoami /priv\"}"))).isTrue();
        assertThat(rule.matches(event("{\"CommandLine\":\"whoami /all\"}"))).isFalse();
    }

    @Test
    void startswithAndEndswithAnchorTheValue() {
        assertThat(selection("Image|startswith: 'C:\\Windows\\'")
                        .matches(event("{\"Image\":\"c:\\\\windows\\\\x.exe\"}")))
                .isTrue();
        assertThat(selection("Image|startswith: 'C:\\Windows\\'")
                        .matches(event("{\"Image\":\"D:\\\\C:\\\\Windows\\\\x\"}")))
                .isFalse();
        assertThat(selection("Image|endswith: '\\whoami.exe'").matches(event("{\"Image\":\"C:\\\\W\\\\WHOAMI.EXE\"}")))
                .isTrue();
        assertThat(selection("Image|endswith: '\\whoami.exe'")
                        .matches(event("{\"Image\":\"C:\\\\W\\\\whoami.exe.bak\"}")))
                .isFalse();
    }

    @Test
    void allRequiresEveryValue() {
        SigmaRule rule = ruleWithDetection("""
                selection:
                  CommandLine|contains|all:
                    - 'net'
                    - ' user '
                    - '/add'
                condition: selection
                """);
        assertThat(rule.matches(event("{\"CommandLine\":\"net user bob pw /add\"}")))
                .isTrue();
        assertThat(rule.matches(event("{\"CommandLine\":\"net user bob\"}"))).isFalse();
    }

    @Test
    void reFindsAJavaRegexCaseSensitivelyUnlessFlagged() {
        assertThat(selection("CommandLine|re: 'whoami\\s+/(priv|all)'")
                        .matches(event("{\"CommandLine\":\"x whoami  /priv\"}")))
                .isTrue();
        assertThat(selection("CommandLine|re: 'whoami\\s+/priv'").matches(event("{\"CommandLine\":\"WHOAMI /PRIV\"}")))
                .isFalse();
        assertThat(selection("CommandLine|re|i: 'whoami\\s+/priv'")
                        .matches(event("{\"CommandLine\":\"WHOAMI /PRIV\"}")))
                .isTrue();
    }

    @Test
    void casedMakesComparisonCaseSensitive() {
        SigmaRule rule = selection("Command|cased|contains: 'Invoke-Mimikatz'");
        assertThat(rule.matches(event("{\"Command\":\"x Invoke-Mimikatz y\"}"))).isTrue();
        assertThat(rule.matches(event("{\"Command\":\"x invoke-mimikatz y\"}"))).isFalse();
    }

    @Test
    void existsChecksPresenceOnly() {
        assertThat(selection("PasswordLastSet|exists: true").matches(event("{\"PasswordLastSet\":null}")))
                .isTrue();
        assertThat(selection("PasswordLastSet|exists: true").matches(event("{}")))
                .isFalse();
        assertThat(selection("PasswordLastSet|exists: false").matches(event("{}")))
                .isTrue();
    }

    @Test
    void windashAcceptsEveryDashVariant() {
        SigmaRule rule = selection("CommandLine|windash|contains: ' -priv'");
        assertThat(rule.matches(event("{\"CommandLine\":\"whoami /priv\"}"))).isTrue();
        assertThat(rule.matches(event("{\"CommandLine\":\"whoami \u2013priv\"}")))
                .isTrue();
        assertThat(rule.matches(event("{\"CommandLine\":\"whoami +priv\"}"))).isFalse();
    }

    @Test
    void cidrMatchesAddressesInsideTheNetwork() {
        SigmaRule rule = ruleWithDetection("""
                selection:
                  DestinationIp|cidr:
                    - '10.0.0.0/8'
                    - 'fe80::/10'
                condition: selection
                """);
        assertThat(rule.matches(event("{\"DestinationIp\":\"10.20.30.40\"}"))).isTrue();
        assertThat(rule.matches(event("{\"DestinationIp\":\"fe80::1\"}"))).isTrue();
        assertThat(rule.matches(event("{\"DestinationIp\":\"11.0.0.1\"}"))).isFalse();
        assertThat(rule.matches(event("{\"DestinationIp\":\"not-an-ip\"}"))).isFalse();
    }

    @Test
    void numericComparisonsCompareNumbers() {
        assertThat(selection("Size|gt: 100").matches(event("{\"Size\":101}"))).isTrue();
        assertThat(selection("Size|gt: 100").matches(event("{\"Size\":100}"))).isFalse();
        assertThat(selection("Size|gte: 100").matches(event("{\"Size\":\"100\"}")))
                .isTrue();
        assertThat(selection("Size|lt: 100").matches(event("{\"Size\":99.5}"))).isTrue();
        assertThat(selection("Size|lte: 100").matches(event("{\"Size\":\"abc\"}")))
                .isFalse();
    }

    @Test
    void base64MatchesTheEncodedValue() {
        String encoded = Base64.getEncoder().encodeToString("http://".getBytes(StandardCharsets.UTF_8));
        SigmaRule rule = selection("Data|base64|contains: 'http://'");
        assertThat(rule.matches(event("{\"Data\":\"xx" + encoded + "yy\"}"))).isTrue();
        assertThat(rule.matches(event("{\"Data\":\"http://\"}"))).isFalse();
    }

    @Test
    void base64offsetFindsTheValueAtAnyByteOffset() {
        SigmaRule rule = selection("CommandLine|base64offset|contains: 'Invoke-Expression'");
        for (String prefix : new String[] {"", "a", "ab"}) {
            String encoded = Base64.getEncoder()
                    .encodeToString((prefix + "Invoke-Expression (x)").getBytes(StandardCharsets.UTF_8));
            assertThat(rule.matches(event("{\"CommandLine\":\"powershell -enc " + encoded + "\"}")))
                    .as("offset %d", prefix.length())
                    .isTrue();
        }
        assertThat(rule.matches(event("{\"CommandLine\":\"powershell -enc AAAA\"}")))
                .isFalse();
    }

    @Test
    void wideThenBase64offsetFindsUtf16EncodedPowershell() {
        SigmaRule rule = selection("CommandLine|wide|base64offset|contains: 'IEX'");
        String encoded = Base64.getEncoder().encodeToString("x;IEX(New-Object)".getBytes(StandardCharsets.UTF_16LE));
        assertThat(rule.matches(event("{\"CommandLine\":\"powershell -enc " + encoded + "\"}")))
                .isTrue();
    }

    @Test
    void fieldrefComparesTwoFieldsOfTheEvent() {
        SigmaRule rule = selection("SubjectUserName|fieldref: TargetUserName");
        assertThat(rule.matches(event("{\"SubjectUserName\":\"Bob\",\"TargetUserName\":\"bob\"}")))
                .isTrue();
        assertThat(rule.matches(event("{\"SubjectUserName\":\"bob\",\"TargetUserName\":\"alice\"}")))
                .isFalse();
    }
}
