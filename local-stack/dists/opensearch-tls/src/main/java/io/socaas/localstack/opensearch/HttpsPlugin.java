package io.socaas.localstack.opensearch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import org.opensearch.common.settings.Setting;
import org.opensearch.common.settings.Settings;
import org.opensearch.http.HttpServerTransport;
import org.opensearch.plugins.Plugin;
import org.opensearch.plugins.SecureAuxTransportSettingsProvider;
import org.opensearch.plugins.SecureHttpTransportSettingsProvider;
import org.opensearch.plugins.SecureSettingsFactory;
import org.opensearch.plugins.SecureTransportSettingsProvider;
import org.opensearch.plugins.TransportExceptionHandler;

/**
 * Serves the node's REST API over HTTPS: with {@code socaas.https.key_store} set (a PKCS#12 key store
 * holding the node's key and its chain), it gives OpenSearch's secure HTTP transport
 * ({@code http.type: netty4-secure}, of the transport-netty4 module) a TLS engine made from that key
 * store. Without it the plugin does nothing and the node serves plain HTTP. The transport between
 * nodes is left as it is: the local node is alone and listens on the loopback address.
 */
public final class HttpsPlugin extends Plugin {

    /** The node's PKCS#12 key store. */
    public static final Setting<String> KEY_STORE =
            Setting.simpleString("socaas.https.key_store", Setting.Property.NodeScope);

    /** Its password. */
    public static final Setting<String> KEY_STORE_PASSWORD = Setting.simpleString(
            "socaas.https.key_store_password", Setting.Property.NodeScope, Setting.Property.Filtered);

    private final Optional<SSLContext> context;

    public HttpsPlugin(Settings settings) {
        String keyStore = KEY_STORE.get(settings);
        this.context = keyStore.isBlank()
                ? Optional.empty()
                : Optional.of(serverContext(Path.of(keyStore), KEY_STORE_PASSWORD.get(settings).toCharArray()));
    }

    @Override
    public List<Setting<?>> getSettings() {
        return List.of(KEY_STORE, KEY_STORE_PASSWORD);
    }

    /** With a key store, the node's HTTP transport is the secure one of transport-netty4. */
    @Override
    public Settings additionalSettings() {
        return context.isPresent()
                ? Settings.builder().put("http.type", "netty4-secure").build()
                : Settings.EMPTY;
    }

    @Override
    public Optional<SecureSettingsFactory> getSecureSettingFactory(Settings settings) {
        return context.map(HttpsOnly::new);
    }

    /** A TLS server context with the key and chain of {@code keyStore}; the node refuses to start without it. */
    static SSLContext serverContext(Path keyStore, char[] password) {
        try (InputStream in = Files.newInputStream(keyStore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(
                    "socaas.https.key_store " + keyStore + " cannot serve HTTPS: " + e.getMessage(), e);
        }
    }

    /** TLS for the HTTP transport only. */
    private record HttpsOnly(SSLContext context) implements SecureSettingsFactory {

        @Override
        public Optional<SecureHttpTransportSettingsProvider> getSecureHttpTransportSettingsProvider(Settings settings) {
            return Optional.of(new SecureHttpTransportSettingsProvider() {
                @Override
                public Optional<TransportExceptionHandler> buildHttpServerExceptionHandler(
                        Settings settings, HttpServerTransport transport) {
                    return Optional.empty();
                }

                @Override
                public Optional<SSLEngine> buildSecureHttpServerEngine(
                        Settings settings, HttpServerTransport transport) {
                    SSLEngine engine = context.createSSLEngine();
                    engine.setUseClientMode(false);
                    return Optional.of(engine);
                }
            });
        }

        @Override
        public Optional<SecureTransportSettingsProvider> getSecureTransportSettingsProvider(Settings settings) {
            return Optional.empty();
        }

        @Override
        public Optional<SecureAuxTransportSettingsProvider> getSecureAuxTransportSettingsProvider(Settings settings) {
            return Optional.empty();
        }
    }
}
