package io.socaas.cases.notify.delivery;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a webhook delivery is signed: HMAC-SHA256 with the endpoint's secret over {@code
 * <timestamp>.<body>}, where the timestamp is the {@value #TIMESTAMP_HEADER} header (epoch
 * seconds). The signature goes in {@value #SIGNATURE_HEADER} as {@code v1=<hex>}. A receiver
 * recomputes it, compares in constant time, and rejects a timestamp older than a few minutes, so a
 * captured delivery cannot be replayed; {@value #DELIVERY_HEADER} (stable across retries) lets it
 * drop a retry it already took.
 */
public final class WebhookSignature {

    public static final String TIMESTAMP_HEADER = "X-SOCaaS-Timestamp";
    public static final String SIGNATURE_HEADER = "X-SOCaaS-Signature";
    public static final String DELIVERY_HEADER = "X-SOCaaS-Delivery";
    public static final String EVENT_HEADER = "X-SOCaaS-Event";
    public static final String VERSION = "v1";

    private WebhookSignature() {}

    /** The {@value #SIGNATURE_HEADER} value for {@code body} sent at {@code epochSeconds}. */
    public static String sign(byte[] secret, long epochSeconds, String body) {
        if (secret.length == 0) {
            throw new IllegalArgumentException("an empty webhook secret signs nothing");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((epochSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return VERSION + "=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
