package io.socaas.tenantindices;

import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.transport.httpclient5.ResponseException;

/**
 * What an error answer of OpenSearch was. The client reports one either as an
 * {@link OpenSearchException} (the error body parsed) or, for some endpoints and statuses, as the
 * transport's {@link ResponseException}; callers that act on a status (409 on a conditional write,
 * an index that already exists) must recognize both.
 */
public final class OpenSearchFailures {

    private OpenSearchFailures() {}

    /** The HTTP status of an error answer; -1 when {@code e} is no answer of OpenSearch. */
    public static int status(Throwable e) {
        if (e instanceof OpenSearchException os) {
            return os.status();
        }
        if (e instanceof ResponseException re) {
            return re.status();
        }
        return -1;
    }

    /** A version conflict: the document exists ({@code op_type=create}) or changed since it was read. */
    public static boolean conflict(Throwable e) {
        return status(e) == 409;
    }

    /** An index creation refused because the index exists. */
    public static boolean alreadyExists(Throwable e) {
        if (e instanceof OpenSearchException os) {
            return "resource_already_exists_exception".equals(os.error().type());
        }
        return e instanceof ResponseException re
                && re.status() == 400
                && String.valueOf(re.getMessage()).contains("resource_already_exists_exception");
    }
}
