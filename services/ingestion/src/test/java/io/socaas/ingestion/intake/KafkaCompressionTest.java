package io.socaas.ingestion.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.socaas.localstack.testing.LocalStackResource;
import net.jpountz.lz4.LZ4Factory;
import org.junit.jupiter.api.Test;

/**
 * Events go to Kafka lz4-compressed: in the running service (its own class loader) Kafka's codec
 * gets lz4-java's native implementation, not the pure Java one it would pick by itself there.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = TenantDirectoryOnTestPort.class, restrictToAnnotatedClass = false)
class KafkaCompressionTest {

    @Test
    void kafkasLz4CodecRunsTheNativeImplementationInTheService() {
        assertThat(LZ4Factory.class.getClassLoader()).isNotSameAs(ClassLoader.getSystemClassLoader());
        assertThat(LZ4Factory.fastestInstance()).isSameAs(LZ4Factory.nativeInstance());
    }
}
