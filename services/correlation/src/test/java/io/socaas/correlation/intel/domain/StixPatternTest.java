package io.socaas.correlation.intel.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socaas.correlation.intel.domain.StixPattern.Value;
import org.junit.jupiter.api.Test;

/** The indicator values of STIX 2.1 patterns, and the patterns an indicator list cannot hold. */
class StixPatternTest {

    @Test
    void readsOneComparisonOfEachSupportedObjectPath() {
        assertThat(StixPattern.values("[ipv4-addr:value = '1.2.3.4']"))
                .containsExactly(new Value(IndicatorType.IP, "1.2.3.4"));
        assertThat(StixPattern.values("[ipv6-addr:value = '2001:db8::/32']"))
                .containsExactly(new Value(IndicatorType.IP, "2001:db8::/32"));
        assertThat(StixPattern.values("[domain-name:value = 'evil.example']"))
                .containsExactly(new Value(IndicatorType.DOMAIN, "evil.example"));
        assertThat(StixPattern.values("[url:value = 'http://evil.example/a?b=1']"))
                .containsExactly(new Value(IndicatorType.URL, "http://evil.example/a?b=1"));
        assertThat(StixPattern.values("[file:hashes.'SHA-256' = 'aa']"))
                .containsExactly(new Value(IndicatorType.FILE_HASH, "aa"));
        assertThat(StixPattern.values("[file:hashes.MD5 = 'bb']"))
                .containsExactly(new Value(IndicatorType.FILE_HASH, "bb"));
        assertThat(StixPattern.values("[network-traffic:dst_ref.value = '5.6.7.8']"))
                .containsExactly(new Value(IndicatorType.IP, "5.6.7.8"));
    }

    @Test
    void readsEveryValueOfCompoundOrPatterns() {
        assertThat(StixPattern.values(
                        "([ipv4-addr:value = '1.1.1.1'] OR [domain-name:value = 'a.example' OR domain-name:value = 'b.example'])"
                                + " OR [file:hashes.'SHA-1' IN ('cc', 'dd')]"))
                .containsExactly(
                        new Value(IndicatorType.IP, "1.1.1.1"),
                        new Value(IndicatorType.DOMAIN, "a.example"),
                        new Value(IndicatorType.DOMAIN, "b.example"),
                        new Value(IndicatorType.FILE_HASH, "cc"),
                        new Value(IndicatorType.FILE_HASH, "dd"));
    }

    @Test
    void unescapesQuotesAndBackslashesInStrings() {
        assertThat(StixPattern.values("[url:value = 'http://x.example/it\\'s\\\\here']"))
                .containsExactly(new Value(IndicatorType.URL, "http://x.example/it's\\here"));
    }

    @Test
    void refusesWhatAListOfSingleValuesCannotHoldSayingWhy() {
        assertThatThrownBy(() -> StixPattern.values("[ipv4-addr:value = '1.2.3.4' AND network-traffic:dst_port = 443]"))
                .hasMessageContaining("AND");
        assertThatThrownBy(() -> StixPattern.values(
                        "[ipv4-addr:value = '1.2.3.4'] FOLLOWEDBY [domain-name:value = 'x.example']"))
                .hasMessageContaining("FOLLOWEDBY");
        assertThatThrownBy(() -> StixPattern.values("[domain-name:value LIKE '%.example']"))
                .hasMessageContaining("only = and IN");
        assertThatThrownBy(() -> StixPattern.values("[ipv4-addr:value = '1.2.3.4'] WITHIN 60 SECONDS"))
                .hasMessageContaining("WITHIN");
        assertThatThrownBy(() -> StixPattern.values("[email-addr:value = 'a@b.example']"))
                .hasMessageContaining("email-addr:value");
        assertThatThrownBy(() -> StixPattern.values("[ipv4-addr:value = '1.2.3.4'"))
                .isInstanceOf(InvalidIndicatorException.class)
                .hasMessageContaining("character 29");
        assertThatThrownBy(() -> StixPattern.values("[url:value = 'unterminated]"))
                .hasMessageContaining("unterminated");
    }
}
