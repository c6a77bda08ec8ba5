package io.socaas.correlation.intel.tenantlists;

import io.socaas.correlation.intel.domain.Indicator;
import io.socaas.correlation.intel.domain.IndicatorType;
import io.socaas.events.EventTimes;
import io.socaas.proto.intel.v1.IntelList;
import io.socaas.proto.intel.v1.TenantIntel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Indicators to and from the {@code socaas.intel.v1} contract. */
final class IntelRecords {

    /** The feed name of a tenant's list, as alerts carry it. */
    static String feedOf(String listName) {
        return "tenant/" + listName;
    }

    private IntelRecords() {}

    static io.socaas.proto.intel.v1.Indicator toProto(Indicator indicator) {
        return io.socaas.proto.intel.v1.Indicator.newBuilder()
                .setType(
                        switch (indicator.type()) {
                            case IP -> io.socaas.proto.intel.v1.IndicatorType.INDICATOR_TYPE_IP;
                            case DOMAIN -> io.socaas.proto.intel.v1.IndicatorType.INDICATOR_TYPE_DOMAIN;
                            case URL -> io.socaas.proto.intel.v1.IndicatorType.INDICATOR_TYPE_URL;
                            case FILE_HASH -> io.socaas.proto.intel.v1.IndicatorType.INDICATOR_TYPE_FILE_HASH;
                        })
                .setValue(indicator.value())
                .setConfidence(indicator.confidence())
                .setFirstSeen(indicator.firstSeen().map(EventTimes::format).orElse(""))
                .setLastSeen(indicator.lastSeen().map(EventTimes::format).orElse(""))
                .setValidUntil(indicator.validUntil().map(EventTimes::format).orElse(""))
                .setSourceId(indicator.sourceId())
                .setDescription(indicator.description())
                .build();
    }

    /** Every indicator of the tenant's lists; entries of an unknown type are left out. */
    static List<Indicator> indicators(TenantIntel intel) {
        List<Indicator> out = new ArrayList<>();
        for (IntelList list : intel.getListsList()) {
            for (io.socaas.proto.intel.v1.Indicator i : list.getIndicatorsList()) {
                IndicatorType type = switch (i.getType()) {
                    case INDICATOR_TYPE_IP -> IndicatorType.IP;
                    case INDICATOR_TYPE_DOMAIN -> IndicatorType.DOMAIN;
                    case INDICATOR_TYPE_URL -> IndicatorType.URL;
                    case INDICATOR_TYPE_FILE_HASH -> IndicatorType.FILE_HASH;
                    default -> null;
                };
                if (type != null) {
                    out.add(new Indicator(
                            type,
                            i.getValue(),
                            feedOf(list.getName()),
                            i.getConfidence(),
                            time(i.getFirstSeen()),
                            time(i.getLastSeen()),
                            time(i.getValidUntil()),
                            i.getSourceId(),
                            i.getDescription()));
                }
            }
        }
        return out;
    }

    private static Optional<Instant> time(String text) {
        return text.isEmpty() ? Optional.empty() : Optional.of(Instant.parse(text));
    }
}
