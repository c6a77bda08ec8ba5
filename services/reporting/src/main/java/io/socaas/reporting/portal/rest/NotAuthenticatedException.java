package io.socaas.reporting.portal.rest;

/** A JSON request came without credentials (no bearer token, no portal session). */
class NotAuthenticatedException extends RuntimeException {

    NotAuthenticatedException() {
        super("send a bearer access token from realm socaas");
    }
}
