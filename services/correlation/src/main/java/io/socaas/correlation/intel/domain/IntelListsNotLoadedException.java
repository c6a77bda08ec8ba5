package io.socaas.correlation.intel.domain;

/**
 * The tenants' own lists have not been read back yet since the start: an upload now would replace
 * lists that are not known yet. Worth retrying shortly.
 */
public class IntelListsNotLoadedException extends RuntimeException {

    public IntelListsNotLoadedException(String message) {
        super(message);
    }
}
