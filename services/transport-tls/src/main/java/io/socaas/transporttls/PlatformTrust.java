package io.socaas.transporttls;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The trust of the clients that are not Quarkus extensions (the OpenSearch client): the CA of the
 * default TLS configuration ({@code quarkus.tls.trust-store.pem.certs}, set by the profile
 * {@code tls}), or nothing, in which case such a client keeps the JDK's default trust.
 */
public final class PlatformTrust {

    static final String CERTS = "quarkus.tls.trust-store.pem.certs";

    private PlatformTrust() {}

    /** A TLS context trusting the platform's CA, when the service's configuration names one. */
    public static Optional<SSLContext> sslContext() {
        return sslContext(ConfigProvider.getConfig());
    }

    /** A TLS context trusting the CA of the configuration's first PEM file, when it names one. */
    public static Optional<SSLContext> sslContext(Config config) {
        return config.getOptionalValues(CERTS, String.class)
                .filter(files -> !files.isEmpty())
                .map(List::getFirst)
                .map(file -> LocalCertificateAuthority.trusting(Path.of(file)));
    }
}
