package io.socaas.ingestion.syslog;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * A certificate authority and certificates made for the test with the JDK's own {@code keytool}
 * (no library needed): the platform's CA, which signs the syslog server's certificate and the
 * clients' ({@code alpha}, {@code beta}, {@code unknown}), and a rogue CA that signs {@code rogue}.
 * As a test resource it configures the {@code syslog} TLS configuration of the Quarkus TLS registry
 * (server key and certificate, the trusted CA) and lets the TLS listener pick a free port.
 *
 * <p>Made once per build in {@code target/test-pki} (the resource and the tests read the same files).
 */
public class TestPki implements QuarkusTestResourceLifecycleManager {

    public static final Path DIR = Path.of("target", "test-pki");
    public static final String PASSWORD = "test-pki-password";
    public static final String SERVER = "server";

    /** Signed by the platform's CA. */
    public static final List<String> CLIENTS = List.of("alpha", "beta", "unknown");

    /** Signed by a CA the platform does not trust. */
    public static final String ROGUE = "rogue";

    @Override
    public Map<String, String> start() {
        make();
        return Map.of(
                "quarkus.tls.syslog.key-store.p12.path",
                        keyStore(SERVER).toAbsolutePath().toString(),
                "quarkus.tls.syslog.key-store.p12.password", PASSWORD,
                // the store also holds the CA's certificate (keytool needs it to import the chain)
                "quarkus.tls.syslog.key-store.p12.alias", SERVER,
                "quarkus.tls.syslog.key-store.p12.alias-password", PASSWORD,
                "quarkus.tls.syslog.trust-store.p12.path",
                        DIR.resolve("trust.p12").toAbsolutePath().toString(),
                "quarkus.tls.syslog.trust-store.p12.password", PASSWORD,
                "socaas.ingestion.syslog.tls.port", "0");
    }

    @Override
    public void stop() {}

    /** The key store (key and certificate chain) of a party. */
    public static Path keyStore(String party) {
        return DIR.resolve(party + ".p12");
    }

    /** The certificate of a party. */
    public static X509Certificate certificate(String party) {
        try (InputStream in = Files.newInputStream(keyStore(party))) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, PASSWORD.toCharArray());
            return (X509Certificate) store.getCertificate(party);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SHA-256 of a party's DER certificate, as {@code openssl x509 -fingerprint -sha256} prints it. */
    public static String fingerprint(String party) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(certificate(party).getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The fingerprint as tenant-billing publishes it: 64 lower-case hex digits. */
    public static String fingerprintHex(String party) {
        return fingerprint(party).replace(":", "").toLowerCase(java.util.Locale.ROOT);
    }

    /** The subject DN of a party's certificate. */
    public static String subject(String party) {
        return "CN=" + party + ".syslog.test,O=Test " + party;
    }

    /** A client context: presents the party's certificate (none for {@code null}) and trusts the CA. */
    public static SSLContext clientContext(String party) {
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            if (party == null) {
                keys.init(null, null);
            } else {
                KeyStore store = KeyStore.getInstance("PKCS12");
                try (InputStream in = Files.newInputStream(keyStore(party))) {
                    store.load(in, PASSWORD.toCharArray());
                }
                keys.init(store, PASSWORD.toCharArray());
            }
            KeyStore trust = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(DIR.resolve("trust.p12"))) {
                trust.load(in, PASSWORD.toCharArray());
            }
            TrustManagerFactory trusted = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trusted.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            KeyManager[] presenting = party == null
                    ? null
                    : new KeyManager[] {new AlwaysPresenting((X509ExtendedKeyManager) keys.getKeyManagers()[0], party)};
            context.init(presenting, trusted.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Presents the party's certificate whatever CAs the server names (the JDK's own key manager
     * would send none from a CA the server does not list, as a rogue client would not do).
     */
    private static final class AlwaysPresenting extends X509ExtendedKeyManager {
        private final X509ExtendedKeyManager keys;
        private final String alias;

        AlwaysPresenting(X509ExtendedKeyManager keys, String alias) {
            this.keys = keys;
            this.alias = alias;
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            return alias;
        }

        @Override
        public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
            return alias;
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return new String[] {alias};
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return keys.getServerAliases(keyType, issuers);
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return keys.chooseServerAlias(keyType, issuers, socket);
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return keys.getCertificateChain(alias);
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return keys.getPrivateKey(alias);
        }
    }

    /** Makes the CAs and certificates unless this build already did. */
    static synchronized void make() {
        if (Files.exists(DIR.resolve("done"))) {
            return;
        }
        try {
            Files.createDirectories(DIR);
            try (var old = Files.list(DIR)) {
                for (Path file : old.toList()) {
                    Files.delete(file);
                }
            }
            authority("ca", "CN=Test Syslog CA,O=Test Platform");
            authority("rogue-ca", "CN=Rogue CA,O=Elsewhere");
            keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", "ca.p12", "-file", "ca.pem");
            keytool("-importcert", "-noprompt", "-alias", "ca", "-file", "ca.pem", "-keystore", "trust.p12");
            party(SERVER, "CN=localhost,O=Test Platform", "ca", "SAN=dns:localhost,ip:127.0.0.1", "serverAuth");
            for (String client : CLIENTS) {
                party(client, subject(client), "ca", null, "clientAuth");
            }
            party(ROGUE, subject(ROGUE), "rogue-ca", null, "clientAuth");
            Files.writeString(DIR.resolve("done"), "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void authority(String alias, String dn) {
        keytool(
                "-genkeypair",
                "-alias",
                alias,
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                dn,
                "-ext",
                "bc:c",
                "-validity",
                "30",
                "-keystore",
                alias + ".p12");
    }

    private static void party(String alias, String dn, String ca, String san, String usage) {
        String store = alias + ".p12";
        keytool(
                "-genkeypair",
                "-alias",
                alias,
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                dn,
                "-validity",
                "30",
                "-keystore",
                store);
        keytool("-certreq", "-alias", alias, "-keystore", store, "-file", alias + ".csr");
        List<String> sign = new ArrayList<>(List.of(
                "-gencert",
                "-alias",
                ca,
                "-keystore",
                ca + ".p12",
                "-infile",
                alias + ".csr",
                "-outfile",
                alias + ".pem",
                "-rfc",
                "-validity",
                "30",
                "-ext",
                "eku=" + usage));
        if (san != null) {
            sign.addAll(List.of("-ext", san));
        }
        keytool(sign.toArray(String[]::new));
        // the chain: the CA first, then the signed certificate replaces the self-signed one
        keytool("-exportcert", "-rfc", "-alias", ca, "-keystore", ca + ".p12", "-file", ca + "-for-" + alias + ".pem");
        keytool("-importcert", "-noprompt", "-alias", ca, "-file", ca + "-for-" + alias + ".pem", "-keystore", store);
        keytool("-importcert", "-noprompt", "-alias", alias, "-file", alias + ".pem", "-keystore", store);
    }

    private static void keytool(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        command.addAll(List.of("-storetype", "PKCS12", "-storepass", PASSWORD));
        try {
            Process process = new ProcessBuilder(command)
                    .directory(DIR.toFile())
                    .redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool " + String.join(" ", args) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
