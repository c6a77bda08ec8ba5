package io.socaas.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The codes of RFC 6238's test vectors (appendix B), and the demo staff's authenticators. */
class TotpTest {

    /** The RFC's SHA-1 secret, ASCII "12345678901234567890", in Base32. */
    private static final String RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    @Test
    void computesTheCodesOfTheRfcTestVectors() {
        Totp totp = new Totp(RFC_SECRET, "HmacSHA1", 8, Duration.ofSeconds(30));

        assertThat(totp.codeAt(Instant.ofEpochSecond(59))).isEqualTo("94287082");
        assertThat(totp.codeAt(Instant.ofEpochSecond(1111111109))).isEqualTo("07081804");
        assertThat(totp.codeAt(Instant.ofEpochSecond(1234567890))).isEqualTo("89005924");
        assertThat(totp.codeAt(Instant.ofEpochSecond(2000000000))).isEqualTo("69279037");
    }

    @Test
    void sixDigitCodesAreTheLastSixOfTheRfcs() {
        Totp totp = new Totp(RFC_SECRET, "HmacSHA1", 6, Duration.ofSeconds(30));

        assertThat(totp.codeAt(Instant.ofEpochSecond(59))).isEqualTo("287082");
        assertThat(totp.codeAt(Instant.ofEpochSecond(1111111109))).isEqualTo("081804");
    }

    @Test
    void aCodeHoldsForItsPeriodOnly() {
        Totp totp = new Totp(RFC_SECRET, "HmacSHA1", 6, Duration.ofSeconds(30));
        Instant start = Instant.ofEpochSecond(1_800_000_000L);

        assertThat(totp.codeAt(start.plusSeconds(29))).isEqualTo(totp.codeAt(start));
        assertThat(totp.nextPeriodAfter(start.plusSeconds(29))).isEqualTo(start.plusSeconds(30));
        assertThat(totp.codeAt(start.plusSeconds(30))).isNotEqualTo(totp.codeAt(start));
    }

    @Test
    void demoStaffHaveAnAuthenticatorAndCustomersNone() {
        assertThat(Totp.ofDemoUser("ana")).isPresent();
        assertThat(Totp.ofDemoUser("lee")).isPresent();
        assertThat(Totp.ofDemoUser("tom")).isPresent();
        assertThat(Totp.ofDemoUser("mia")).isPresent();
        assertThat(Totp.ofDemoUser("ops")).isPresent();
        assertThat(Totp.ofDemoUser("alice@acme.example")).isEmpty();
        assertThat(Totp.ofDemoUser("sam")).isEmpty();
        assertThat(Totp.currentCodeOf("mia"))
                .hasValueSatisfying(code -> assertThat(code).matches("\\d{6}"));
    }
}
