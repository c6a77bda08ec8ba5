package io.socaas.cases.casefile.wire;

import io.socaas.cases.casefile.domain.CaseStatus;
import java.util.Optional;

/** Case states between the domain and the protobuf contract (gRPC {@code CaseService}, {@code soc.cases.v1}). */
public final class CaseStatusWire {

    private CaseStatusWire() {}

    public static io.socaas.proto.cases.v1.CaseStatus toWire(CaseStatus status) {
        return switch (status) {
            case OPEN -> io.socaas.proto.cases.v1.CaseStatus.CASE_STATUS_OPEN;
            case ACKNOWLEDGED -> io.socaas.proto.cases.v1.CaseStatus.CASE_STATUS_ACKNOWLEDGED;
            case IN_PROGRESS -> io.socaas.proto.cases.v1.CaseStatus.CASE_STATUS_IN_PROGRESS;
            case WAITING_ON_CUSTOMER -> io.socaas.proto.cases.v1.CaseStatus.CASE_STATUS_WAITING_ON_CUSTOMER;
            case RESOLVED -> io.socaas.proto.cases.v1.CaseStatus.CASE_STATUS_RESOLVED;
            case CLOSED -> io.socaas.proto.cases.v1.CaseStatus.CASE_STATUS_CLOSED;
            case MERGED -> io.socaas.proto.cases.v1.CaseStatus.CASE_STATUS_MERGED;
        };
    }

    /** The domain status of a wire status; empty for an unset or unknown one. */
    public static Optional<CaseStatus> fromWire(io.socaas.proto.cases.v1.CaseStatus status) {
        return switch (status) {
            case CASE_STATUS_OPEN -> Optional.of(CaseStatus.OPEN);
            case CASE_STATUS_ACKNOWLEDGED -> Optional.of(CaseStatus.ACKNOWLEDGED);
            case CASE_STATUS_IN_PROGRESS -> Optional.of(CaseStatus.IN_PROGRESS);
            case CASE_STATUS_WAITING_ON_CUSTOMER -> Optional.of(CaseStatus.WAITING_ON_CUSTOMER);
            case CASE_STATUS_RESOLVED -> Optional.of(CaseStatus.RESOLVED);
            case CASE_STATUS_CLOSED -> Optional.of(CaseStatus.CLOSED);
            case CASE_STATUS_MERGED -> Optional.of(CaseStatus.MERGED);
            case CASE_STATUS_UNSPECIFIED, UNRECOGNIZED -> Optional.empty();
        };
    }
}
