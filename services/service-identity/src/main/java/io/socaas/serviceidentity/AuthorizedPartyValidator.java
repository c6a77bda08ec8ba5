package io.socaas.serviceidentity;

import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.jwt.consumer.Validator;

/**
 * Accepts a bearer token only when it was issued to one of the accepted clients ({@code azp}).
 * Quarkus OIDC runs every {@link Validator} bean on each token; its {@code required-claims} can ask
 * for one value only, and this service accepts two clients. Nothing injects it, hence
 * {@code @Unremovable}.
 */
@ApplicationScoped
@Unremovable
public class AuthorizedPartyValidator implements Validator {

    private final AuthorizedParties parties;

    AuthorizedPartyValidator(AuthorizedParties parties) {
        this.parties = parties;
    }

    @Override
    public String validate(JwtContext context) throws MalformedClaimException {
        Object azp = context.getJwtClaims().getClaimValue("azp");
        if (azp instanceof String client && parties.acceptedClients().contains(client)) {
            return null;
        }
        return "the token was issued to a client this service does not accept (azp " + azp + ")";
    }
}
