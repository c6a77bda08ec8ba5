package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertBaseEventOf;
import static io.socaas.events.ocsf.MappedRecords.assertClass;
import static io.socaas.events.ocsf.MappedRecords.assertLogon;
import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Auth0 tenant logs, a log stream's events and the Management API's items, from the events a public
 * integration tests with (trimmed of details the mapping does not read).
 */
class Auth0MappingsTest {

    private static final String PRODUCT = "Auth0";

    @Test
    void loginsAreAuthentication() throws Exception {
        JsonNode success = json("{\"log_id\":\"90020211104001515271334544008635532534914988032684720226\",\"data\":{"
                + "\"date\":\"2021-11-04T00:15:10.706Z\",\"type\":\"s\",\"connection\":\"Username-Password-Authentication\","
                + "\"connection_id\":\"con_1a5wCUmAs6VOU17n\",\"client_id\":\"aI61p8I8aFjmYRliLWgvM9ev97kCCNDB\","
                + "\"client_name\":\"Default App\",\"ip\":\"114.76.60.57\",\"user_agent\":\"Mozilla/5.0 (Macintosh; Intel Mac OS X"
                + " 10_15_7)\",\"details\":{\"session_id\":\"m5SgtzMKxmeNBxj_kCfUUJhzrSdfvLFu\",\"stats\":{\"loginsCount\":4}},"
                + "\"hostname\":\"dev-yoj8axza.au.auth0.com\",\"user_id\":\"auth0|618223a4e3f49e006948565c\","
                + "\"user_name\":\"dev@test.com\",\"strategy\":\"auth0\",\"strategy_type\":\"database\","
                + "\"log_id\":\"90020211104001515271334544008635532534914988032684720226\"}}");
        assertProduct(success, PRODUCT);
        assertLogon(success, 1, "dev@test.com", "114.76.60.57");
        assertThat(success.at("/user/uid").asText()).isEqualTo("auth0|618223a4e3f49e006948565c");
        assertThat(success.at("/service/name").asText()).isEqualTo("Default App");
        assertThat(success.at("/session/uid").asText()).isEqualTo("m5SgtzMKxmeNBxj_kCfUUJhzrSdfvLFu");
        assertThat(success.get("time").asLong()).isEqualTo(MappedRecords.epochMillis("2021-11-04T00:15:10.706Z"));

        JsonNode wrongPassword =
                json("{\"log_id\":\"90020211103082515482106767167326018758436529088273317970\",\"data\":{"
                        + "\"date\":\"2021-11-03T08:25:14.466Z\",\"type\":\"fp\",\"description\":\"Wrong email or password.\","
                        + "\"connection\":\"Username-Password-Authentication\",\"client_id\":\"aI61p8I8aFjmYRliLWgvM9ev97kCCNDB\","
                        + "\"client_name\":\"Default App\",\"ip\":\"81.2.69.143\",\"user_agent\":\"Mozilla/5.0\","
                        + "\"details\":{\"error\":{\"message\":\"Wrong email or password.\"}},\"user_id\":\"auth0|61823277a44a21007221a59a\","
                        + "\"user_name\":\"new@test.com\",\"strategy\":\"auth0\",\"strategy_type\":\"database\","
                        + "\"log_id\":\"90020211103082515482106767167326018758436529088273317970\"}}");
        assertLogon(wrongPassword, 2, "new@test.com", "81.2.69.143");
        assertThat(wrongPassword.get("status_detail").asText()).isEqualTo("Wrong email or password.");

        JsonNode unknownUser = json(
                "{\"date\":\"2021-11-03T03:07:24.384Z\",\"type\":\"fu\",\"description\":\"Wrong email or"
                        + " password.\",\"connection\":\"Username-Password-Authentication\",\"client_name\":\"Default App\","
                        + "\"ip\":\"81.2.69.143\",\"user_agent\":\"Mozilla/5.0\",\"user_id\":\"\",\"user_name\":\"neo@gmail.com\","
                        + "\"strategy\":\"auth0\",\"log_id\":\"90020211103030725428115389447533113776256732300526485554\"}");
        assertProduct(unknownUser, PRODUCT);
        assertLogon(unknownUser, 2, "neo@gmail.com", "81.2.69.143");
    }

    @Test
    void theConnectionIsTheIdentityProviderAndItsStrategyTheProtocol() throws Exception {
        // a database connection (the integration's event above): the identity provider by its name and
        // id; its strategy names no protocol of OCSF's list, so it is the source's own (Other)
        JsonNode database = json(
                "{\"log_id\":\"90020211104001515271334544008635532534914988032684720226\",\"data\":{"
                        + "\"date\":\"2021-11-04T00:15:10.706Z\",\"type\":\"s\",\"connection\":\"Username-Password-Authentication\","
                        + "\"connection_id\":\"con_1a5wCUmAs6VOU17n\",\"client_name\":\"Default App\",\"ip\":\"114.76.60.57\","
                        + "\"user_id\":\"auth0|618223a4e3f49e006948565c\",\"user_name\":\"dev@test.com\",\"strategy\":\"auth0\","
                        + "\"strategy_type\":\"database\",\"log_id\":\"90020211104001515271334544008635532534914988032684720226\"}}");
        assertThat(database.at("/actor/idp/name").asText()).isEqualTo("Username-Password-Authentication");
        assertThat(database.at("/actor/idp/uid").asText()).isEqualTo("con_1a5wCUmAs6VOU17n");
        assertThat(database.get("auth_protocol").asText()).isEqualTo("auth0");
        assertThat(database.get("auth_protocol_id").asInt()).isEqualTo(99);

        // a failed login through a SAML connection, as Auth0's documentation shows a log's raw data (with
        // the log_id the Management API's items carry): the SAML identity provider, the SAML protocol
        String samlLog = "{\"date\":\"2016-10-04T15:27:38.509Z\",\"type\":\"f\",\"description\":\"Invalid thumbprint"
                + " (configured: 634AB4651FCA2F623563BE32EDA32DE565219118. calculated:"
                + " BDEBFBFBA786C2D97F2125274793E32643358E81)\",\"connection\":\"SSOCircle\","
                + "\"connection_id\":\"con_T60D5poVozRmw77h\",\"client_id\":\"UEsQCe4RVHYDSQ2zlLWIAHSqDhpsYyTG\","
                + "\"client_name\":\"N/A\",\"ip\":\"108.248.62.158\",\"user_agent\":\"Mozilla/5.0 (Macintosh; Intel Mac OS X"
                + " 10_11_6) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/53.0.2785.143 Safari/537.36\","
                + "\"strategy\":\"samlp\",\"strategy_type\":\"enterprise\","
                + "\"log_id\":\"90020161004152738509000000000000000000000000000000000001\"}";
        JsonNode saml = json(samlLog);
        assertLogon(saml, 2, null, "108.248.62.158");
        assertThat(saml.at("/actor/idp/name").asText()).isEqualTo("SSOCircle");
        assertThat(saml.at("/actor/idp/uid").asText()).isEqualTo("con_T60D5poVozRmw77h");
        assertThat(saml.get("auth_protocol_id").asInt()).isEqualTo(5);
        assertThat(saml.get("auth_protocol").asText()).isEqualTo("SAML");

        // a strategy whose protocol its name does not say (Azure AD: OpenID Connect or WS-Federation) is
        // kept as the source names it, without an id; an event without a connection names no provider
        JsonNode azure = json(samlLog.replace("\"samlp\"", "\"waad\"").replace("\"SSOCircle\"", "\"contoso-azure\""));
        assertThat(azure.get("auth_protocol").asText()).isEqualTo("waad");
        assertThat(azure.has("auth_protocol_id")).isFalse();
        assertThat(azure.at("/actor/idp/name").asText()).isEqualTo("contoso-azure");
        JsonNode noConnection =
                json("{\"date\":\"2021-11-03T03:07:24.384Z\",\"type\":\"fu\",\"description\":\"Wrong email"
                        + " or password.\",\"client_name\":\"Default App\",\"ip\":\"81.2.69.143\",\"user_name\":\"neo@gmail.com\","
                        + "\"log_id\":\"90020211103030725428115389447533113776256732300526485554\"}");
        assertLogon(noConnection, 2, "neo@gmail.com", "81.2.69.143");
        assertThat(noConnection.at("/actor/idp").isMissingNode()).isTrue();
        assertThat(noConnection.has("auth_protocol_id")).isFalse();
    }

    @Test
    void blockedAccountsAreFindingsAndApiOperationsAreApiActivity() throws Exception {
        JsonNode blocked = json("{\"log_id\":\"90020211103030725428115389447533113776256732300526485999\",\"data\":{"
                + "\"date\":\"2021-11-03T03:07:24.384Z\",\"type\":\"limit_wc\",\"description\":\"Too many failed login attempts.\","
                + "\"connection\":\"Username-Password-Authentication\",\"ip\":\"81.2.69.143\",\"user_name\":\"neo@gmail.com\","
                + "\"log_id\":\"90020211103030725428115389447533113776256732300526485999\"}}");
        assertClass(blocked, 2004, 1);
        assertThat(blocked.at("/finding_info/title").asText()).isEqualTo("Too many failed login attempts.");
        assertThat(blocked.at("/evidences/0/src_endpoint/ip").asText()).isEqualTo("81.2.69.143");

        JsonNode api = json(
                "{\"data\":{\"_id\":\"90020240308035328377107000000000000001223372052034941034\","
                        + "\"client_id\":\"xZjM1MjUxOGVhYzYxNTAxZmE3NmI1MGIgIC\",\"client_name\":\"\",\"date\":\"2024-03-08T03:53:28.286Z\","
                        + "\"description\":\"Update tenant settings\",\"details\":{\"request\":{\"auth\":{\"strategy\":\"jwt\","
                        + "\"user\":{\"email\":\"user.mcuserface@company.com\",\"name\":\"User McUserface\",\"user_id\":\"github|32487232\"}},"
                        + "\"channel\":\"https://manage.auth0.com/\",\"ip\":\"81.2.69.144\",\"method\":\"patch\","
                        + "\"path\":\"/api/v2/tenants/settings\",\"query\":{}},\"response\":{\"statusCode\":200}},"
                        + "\"ip\":\"81.2.69.144\",\"isMobile\":false,\"log_id\":\"90020240308035328377107000000000000001223372052034941034\","
                        + "\"tenant_name\":\"dev-fulaoenaspapatoulp\",\"type\":\"sapi\",\"user_agent\":\"Firefox 125.0.0 / Arch 0.0.0\","
                        + "\"user_id\":\"github|32487232\"},\"log_id\":\"90020240308035328377107000000000000001223372052034941034\"}");
        assertClass(api, 6003, 3);
        assertThat(api.at("/api/operation").asText()).isEqualTo("patch");
        assertThat(api.at("/resources/0/name").asText()).isEqualTo("/api/v2/tenants/settings");
        assertThat(api.at("/actor/user/uid").asText()).isEqualTo("github|32487232");
        assertThat(api.get("status").asText()).isEqualTo("Success");
    }

    @Test
    void otherTypesAreBaseEventsAndOtherLogIdsAreNotClaimed() throws Exception {
        assertBaseEventOf(
                json("{\"log_id\":\"90020240308035328208838000000000000001223372052034940964\",\"data\":{"
                        + "\"date\":\"2024-03-08T03:53:28.106Z\",\"type\":\"gd_tenant_update\",\"description\":\"Guardian - Updates tenant"
                        + " settings\",\"ip\":\"81.2.69.144\",\"user_id\":\"github|32487232\"}}"),
                PRODUCT);
        JsonNode other =
                json("{\"log_id\":\"req-7f3a\",\"type\":\"s\",\"date\":\"2024-03-08T03:53:28.106Z\",\"msg\":\"ok\"}");
        assertThat(other.at("/metadata/product/name").asText()).isNotEqualTo(PRODUCT);
    }
}
