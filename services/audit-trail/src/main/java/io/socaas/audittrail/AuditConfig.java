package io.socaas.audittrail;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/** The audit trail of a service ({@code socaas.audit.*}). */
@ConfigMapping(prefix = "socaas.audit")
public interface AuditConfig {

    /** Off: nothing is recorded (a service's tests of other features may turn it off). */
    @WithDefault("true")
    boolean enabled();

    /**
     * The topic of the trail, named in each service's application.properties with its test twin
     * ({@code soc.audit.test.v1}): tests never write on the live topic.
     */
    String topic();

    /** The service's name in the entries; default {@code quarkus.application.name}. */
    Optional<String> service();

    /**
     * Path prefixes whose POST, PUT, PATCH and DELETE calls are recorded (every one, refused and
     * failed ones too).
     */
    @WithDefault("/api/")
    List<String> paths();
}
