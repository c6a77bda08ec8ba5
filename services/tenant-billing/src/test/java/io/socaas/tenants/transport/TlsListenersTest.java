package io.socaas.tenants.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.socaas.localstack.testing.LocalStackResource;
import io.socaas.proto.tenant.v1.ResolveIngestKeyRequest;
import io.socaas.proto.tenant.v1.TenantDirectoryGrpc.TenantDirectoryBlockingStub;
import io.socaas.transporttls.LocalCertificateAuthority;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/** The service under the profile tls: HTTPS and gRPC over TLS on its one port, nothing in the clear. */
@QuarkusTest
@TestProfile(TlsTestProfile.class)
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
class TlsListenersTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @GrpcClient("tenant-directory")
    TenantDirectoryBlockingStub directory;

    @Test
    void servesHttpsWithACertificateThatAClientTrustingThePlatformCaAccepts() throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .sslContext(LocalCertificateAuthority.trusting(TlsTestProfile.CA.caCertificate()))
                .connectTimeout(TIMEOUT)
                .build();

        HttpResponse<String> answer = liveness(client, "https://localhost:");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.sslSession())
                .hasValueSatisfying(session -> assertThat(session.getProtocol()).startsWith("TLSv1."));
    }

    @Test
    void aClientThatDoesNotTrustThePlatformCaRefusesTheService() {
        HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

        assertThatThrownBy(() -> liveness(client, "https://localhost:")).isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void aPlainHttpRequestGetsNoAnswer() {
        HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

        assertThatThrownBy(() -> liveness(client, "http://127.0.0.1:")).isInstanceOf(IOException.class);
    }

    @Test
    void theGrpcClientReachesTheGrpcServerOverTls() {
        // no token: the server answers the call, which it can only do over the TLS channel
        StatusRuntimeException refused = catchThrowableOfType(
                StatusRuntimeException.class,
                () -> directory.resolveIngestKey(ResolveIngestKeyRequest.newBuilder()
                        .setIngestKey("sk_unknown")
                        .build()));

        assertThat(refused.getStatus().getCode()).as("%s", refused.getStatus()).isEqualTo(Status.Code.UNAUTHENTICATED);
    }

    private static HttpResponse<String> liveness(HttpClient client, String schemeAndHost)
            throws IOException, InterruptedException {
        return client.send(
                HttpRequest.newBuilder(URI.create(schemeAndHost + TlsTestProfile.PORT + "/q/health/live"))
                        .timeout(TIMEOUT)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
