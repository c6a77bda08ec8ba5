package io.socaas.kafkarecords;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import net.jpountz.lz4.LZ4Factory;
import org.junit.jupiter.api.Test;

class NativeLz4Test {

    @Test
    void onThisPlatformKafkasCodecCompressesWithTheNativeImplementationAndReadsItBack() {
        assertThat(NativeLz4.load()).isTrue();
        LZ4Factory factory = LZ4Factory.fastestInstance();
        assertThat(factory).isSameAs(LZ4Factory.nativeInstance());

        byte[] record = "{\"class_uid\":3002,\"unmapped\":{\"EventID\":4625}}"
                .repeat(50)
                .getBytes(StandardCharsets.UTF_8);
        byte[] compressed = new byte[factory.fastCompressor().maxCompressedLength(record.length)];
        int length = factory.fastCompressor().compress(record, compressed);
        assertThat(length).isLessThan(record.length / 4);
        assertThat(LZ4Factory.safeInstance().fastDecompressor().decompress(compressed, record.length))
                .isEqualTo(record);
    }
}
