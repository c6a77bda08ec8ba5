package io.socaas.ingestion.syslog.config;

import io.socaas.events.ocsf.OcsfNormalizer;
import io.socaas.events.syslog.SyslogParser;
import io.socaas.ingestion.intake.domain.EventIntake;
import io.socaas.ingestion.syslog.domain.SyslogIntake;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Wires the framework-free syslog intake to the intake's credential check and the normalizer. */
@Singleton
public class SyslogProducers {

    @Produces
    @Singleton
    SyslogIntake syslogIntake(EventIntake intake, OcsfNormalizer normalizer) {
        // RFC 3164 times carry no zone: senders are expected to log in UTC
        return new SyslogIntake(intake, normalizer, new SyslogParser());
    }
}
