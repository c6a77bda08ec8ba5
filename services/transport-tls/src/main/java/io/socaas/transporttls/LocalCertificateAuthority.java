package io.socaas.transporttls;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A certificate authority for a platform run on one machine, made with the JDK's own {@code keytool}
 * (no other tool needed): a CA key and certificate ({@code ca.p12}, {@code ca.pem}) and, per
 * component, a PKCS#12 key store with the component's key and its certificate chain up to the CA,
 * valid for the given host names and addresses. Everything lives in one directory and is made once:
 * an existing CA or key store is kept, so that what trusts the CA keeps trusting it.
 *
 * <p>All stores share one password (PKCS#12 as keytool writes it: key password = store password).
 * A component's store holds one entry, its key with the chain, under the component's name.
 */
public final class LocalCertificateAuthority {

    static final String CA_ALIAS = "ca";
    private static final String KEY_ALGORITHM = "EC";
    private static final String CURVE = "secp256r1";
    private static final int CA_VALIDITY_DAYS = 3650;
    private static final int SERVER_VALIDITY_DAYS = 825;
    private static final List<String> KEYTOOL_JVM_OPTIONS =
            List.of("-J-XX:TieredStopAtLevel=1", "-J-XX:+UseSerialGC", "-J-XX:-UsePerfData");

    private final Path dir;
    private final String password;

    private LocalCertificateAuthority(Path dir, String password) {
        this.dir = dir;
        this.password = password;
    }

    /** The CA in {@code dir}, made now if it is not there yet. */
    public static LocalCertificateAuthority in(Path dir, String password) {
        LocalCertificateAuthority ca = new LocalCertificateAuthority(dir.toAbsolutePath(), password);
        ca.makeCa();
        return ca;
    }

    /** The directory of the CA and the key stores. */
    public Path dir() {
        return dir;
    }

    /** The password of every store. */
    public String password() {
        return password;
    }

    /** The CA's certificate (PEM), the file to trust. */
    public Path caCertificate() {
        return dir.resolve("ca.pem");
    }

    /** The key store of {@code name} (alias = name), made now if missing. */
    public Path keyStore(String name, List<String> hostNames, List<String> addresses) {
        Path store = dir.resolve(name + ".p12");
        if (Files.isRegularFile(store)) {
            return store;
        }
        Path partial = dir.resolve(name + ".p12.part");
        Path request = dir.resolve(name + ".csr");
        Path certificate = dir.resolve(name + ".pem");
        try {
            Files.deleteIfExists(partial);
            genKeyPair(
                    name,
                    "CN=" + (hostNames.isEmpty() ? name : hostNames.getFirst()) + ",O=SOCaaS local",
                    SERVER_VALIDITY_DAYS,
                    partial);
            keytool(
                    "-certreq",
                    "-alias",
                    name,
                    "-keystore",
                    partial.toString(),
                    "-storepass",
                    password,
                    "-file",
                    request.toString());
            keytool(
                    "-gencert",
                    "-alias",
                    CA_ALIAS,
                    "-keystore",
                    caStore().toString(),
                    "-storepass",
                    password,
                    "-infile",
                    request.toString(),
                    "-outfile",
                    certificate.toString(),
                    "-rfc",
                    "-validity",
                    String.valueOf(SERVER_VALIDITY_DAYS),
                    "-ext",
                    "san=" + subjectAlternativeNames(hostNames, addresses),
                    "-ext",
                    "eku=serverAuth,clientAuth",
                    "-ext",
                    "ku:c=digitalSignature,keyAgreement");
            // the chain: the CA first, so that keytool accepts the signed certificate as a reply
            keytool(
                    "-importcert",
                    "-noprompt",
                    "-alias",
                    CA_ALIAS,
                    "-file",
                    caCertificate().toString(),
                    "-keystore",
                    partial.toString(),
                    "-storepass",
                    password);
            keytool(
                    "-importcert",
                    "-noprompt",
                    "-alias",
                    name,
                    "-file",
                    certificate.toString(),
                    "-keystore",
                    partial.toString(),
                    "-storepass",
                    password);
            // the key entry holds the whole chain now: the store keeps that one entry only
            keytool("-delete", "-alias", CA_ALIAS, "-keystore", partial.toString(), "-storepass", password);
            Files.move(partial, store);
            restrict(store, "rw-------");
            Files.deleteIfExists(request);
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A client's TLS context that trusts the CA(s) of a PEM file, and nothing else. */
    public static SSLContext trusting(Path caPem) {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trustStore(caPem));
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot trust " + caPem, e);
        }
    }

    /** A trust store (in memory) that holds the CA(s) of a PEM file, and nothing else. */
    public static KeyStore trustStore(Path caPem) {
        try (InputStream in = Files.newInputStream(caPem)) {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            int n = 0;
            for (var certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                trust.setCertificateEntry("ca-" + n++, certificate);
            }
            return trust;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the CA certificates of " + caPem, e);
        }
    }

    static String subjectAlternativeNames(List<String> hostNames, List<String> addresses) {
        List<String> names = new ArrayList<>();
        hostNames.forEach(h -> names.add("dns:" + h));
        addresses.forEach(a -> names.add("ip:" + a));
        if (names.isEmpty()) {
            throw new IllegalArgumentException("a certificate needs at least one host name or address");
        }
        return names.stream().collect(Collectors.joining(","));
    }

    private Path caStore() {
        return dir.resolve("ca.p12");
    }

    private void makeCa() {
        try {
            Files.createDirectories(dir);
            // the keys (the CA's among them) share one known password: only their owner may read them
            restrict(dir, "rwx------");
            if (Files.isRegularFile(caStore()) && Files.isRegularFile(caCertificate())) {
                return;
            }
            Path partial = dir.resolve("ca.p12.part");
            Files.deleteIfExists(partial);
            genKeyPair(
                    CA_ALIAS,
                    "CN=SOCaaS local CA,O=SOCaaS local",
                    CA_VALIDITY_DAYS,
                    partial,
                    "-ext",
                    "bc:c=ca:true,pathlen:0",
                    "-ext",
                    "ku:c=keyCertSign,cRLSign");
            keytool(
                    "-exportcert",
                    "-rfc",
                    "-alias",
                    CA_ALIAS,
                    "-keystore",
                    partial.toString(),
                    "-storepass",
                    password,
                    "-file",
                    caCertificate().toString());
            Files.move(partial, caStore());
            restrict(caStore(), "rw-------");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets POSIX permissions where the file system has them. */
    private static void restrict(Path path, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, java.nio.file.attribute.PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: its own access rules apply
        }
    }

    /** A new key pair and its self-signed certificate in a new PKCS#12 store. */
    private void genKeyPair(String alias, String subject, int validityDays, Path store, String... extensions)
            throws IOException {
        List<String> args = new ArrayList<>(List.of(
                "-genkeypair",
                "-alias",
                alias,
                "-keyalg",
                KEY_ALGORITHM,
                "-groupname",
                CURVE,
                "-dname",
                subject,
                "-validity",
                String.valueOf(validityDays),
                "-keystore",
                store.toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                password));
        args.addAll(List.of(extensions));
        keytool(args.toArray(String[]::new));
    }

    /** A server's TLS context: the key and chain of a key store made here. */
    public static SSLContext serverContext(Path keyStore, String password) {
        try (InputStream in = Files.newInputStream(keyStore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password.toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot use " + keyStore, e);
        }
    }

    private static void keytool(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        // a short-lived tool JVM: the client compiler and the serial collector start it about twice
        // as fast, and a certificate takes six runs
        command.addAll(KEYTOOL_JVM_OPTIONS);
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("keytool did not finish within 60 s: " + args[0]);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while keytool ran", e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IOException("keytool " + args[0] + " failed (" + process.exitValue() + "): " + output.strip());
        }
    }
}
