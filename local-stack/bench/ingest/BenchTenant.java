import io.socaas.events.RecordHeaders;
import io.socaas.proto.tenant.v1.RulePackSelection;
import io.socaas.proto.tenant.v1.SyslogSource;
import io.socaas.proto.tenant.v1.TenantConfig;
import io.socaas.proto.tenant.v1.TenantStatus;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes the benchmark's tenant facts, as tenant-billing does (key and tenant header = tenant
 * id): TENANT active, with a syslog source on PORT, so that the benchmark instance (reading these
 * facts instead of the platform's) opens that port as the tenant's, and the rule packs PACKS
 * (comma-separated folder names of the benchmark's tenant-config; none when left out) for the
 * benchmark instance of correlation. Run with the classpath of the built ingestion (the Kafka client
 * in lib/main, the generated proto classes in app/).
 *     java -cp "services/ingestion/target/quarkus-app/lib/main/*:services/ingestion/target/quarkus-app/app/*" BenchTenant.java BROKER TOPIC TENANT PORT [PACKS]
 */
public class BenchTenant {
    public static void main(String[] args) throws Exception {
        String tenant = args[2];
        TenantConfig.Builder config = TenantConfig.newBuilder()
                .setTenantId(tenant)
                .setDisplayName(tenant)
                .setStatus(TenantStatus.TENANT_STATUS_ACTIVE)
                .setTimeZone("UTC")
                .setRevision(System.currentTimeMillis())
                .addSyslogSources(SyslogSource.newBuilder().setName("benchmark").setPort(Integer.parseInt(args[3])));
        String packs = args.length > 4 ? args[4] : "";
        for (String pack : packs.split(",")) {
            if (!pack.isBlank()) {
                config.addRulePacks(RulePackSelection.newBuilder().setPackId(pack.trim()));
            }
        }
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(args[1], tenant, config.build().toByteArray());
            record.headers().add(RecordHeaders.TENANT, tenant.getBytes(StandardCharsets.UTF_8));
            record.headers().add(RecordHeaders.TYPE, RecordHeaders.TYPE_TENANT_CHANGED.getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        }
        System.out.println("tenant facts: " + tenant + " active, syslog port " + args[3]
                + (packs.isBlank() ? "" : ", rule packs " + packs) + " on " + args[1]);
    }
}
