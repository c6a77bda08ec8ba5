package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertAllowed;
import static io.socaas.events.ocsf.MappedRecords.assertDenied;
import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.epochMillis;
import static io.socaas.events.ocsf.MappedRecords.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.socaas.events.EventBatchParser;
import io.socaas.events.JsonEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Azure Front Door's access and web application firewall logs as a diagnostic setting streams them
 * to an Event Hub: requests as HTTP Activity with the client and the URL in its parts, the firewall's
 * verdicts with the rule and policy. Records in the documented shapes with this test's own values.
 */
class AzureFrontDoorMappingsTest {

    private static final String FRONT_DOOR = "Azure Front Door";

    private static final String FIREWALL = """
            {"time": "2025-11-05T14:22:31.1200000Z",
             "resourceId": "/SUBSCRIPTIONS/7C6B5A49-0000-4000-8000-000000000001/RESOURCEGROUPS/EDGE/PROVIDERS/MICROSOFT.CDN/PROFILES/NORTHWIND-EDGE",
             "category": "FrontDoorWebApplicationFirewallLog", "operationName": "Microsoft.Cdn/Profiles/Write",
             "properties": {"clientIP": "203.0.113.200", "clientPort": "51234", "socketIP": "203.0.113.200",
               "requestUri": "https://shop.northwind.example:443/search?q=%%27%%20or%%201%%3D1--", "ruleName": "%s",
               "policy": "NorthwindEdgeWaf", "action": "%s", "host": "shop.northwind.example",
               "trackingReference": "20251105T142231Z-17c9d8f5b2-abcd", "policyMode": "%s",
               "details": {"matches": [{"matchVariableName": "QueryParamValue:q", "matchVariableValue": "' or 1=1--"}],
                           "msg": "SQL Injection Attack Detected via libinjection"}}}""";

    @Test
    void firewallVerdictsAreHttpActivityWithTheRule() throws Exception {
        JsonNode blocked = json(FIREWALL.formatted("Microsoft_DefaultRuleSet-2.1-SQLI-942100", "Block", "prevention"));
        assertProduct(blocked, FRONT_DOOR);
        assertThat(blocked.get("class_uid").asInt()).isEqualTo(4002);
        assertDenied(blocked);
        assertThat(blocked.get("is_alert").asBoolean()).isTrue();
        assertThat(blocked.at("/src_endpoint/ip").asText()).isEqualTo("203.0.113.200");
        assertThat(blocked.at("/src_endpoint/port").asInt()).isEqualTo(51234);
        assertThat(blocked.at("/http_request/url/hostname").asText()).isEqualTo("shop.northwind.example");
        assertThat(blocked.at("/http_request/url/path").asText()).isEqualTo("/search");
        assertThat(blocked.at("/http_request/url/query_string").asText()).isEqualTo("q=%27%20or%201%3D1--");
        assertThat(blocked.at("/http_request/url/port").asInt()).isEqualTo(443);
        assertThat(blocked.at("/firewall_rule/name").asText()).isEqualTo("Microsoft_DefaultRuleSet-2.1-SQLI-942100");
        assertThat(blocked.at("/firewall_rule/match_details/0").asText()).isEqualTo("QueryParamValue:q");
        assertThat(blocked.at("/policy/name").asText()).isEqualTo("NorthwindEdgeWaf");
        assertThat(blocked.get("status_detail").asText()).isEqualTo("SQL Injection Attack Detected via libinjection");
        assertThat(blocked.get("time").asLong()).isEqualTo(epochMillis("2025-11-05T14:22:31.120Z"));

        JsonNode logged = json(FIREWALL.formatted("Microsoft_DefaultRuleSet-2.1-SQLI-942100", "Log", "detection"));
        assertThat(logged.get("action_id").asInt()).isEqualTo(1);
        assertThat(logged.get("disposition").asText()).isEqualTo("Logged");
        assertThat(logged.get("is_alert").asBoolean()).isTrue();

        JsonNode scored =
                json(FIREWALL.formatted("Microsoft_DefaultRuleSet-2.1-SQLI-942100", "AnomalyScoring", "prevention"));
        assertThat(scored.get("disposition").asText()).isEqualTo("Detected");

        // an allow rule that matched is no alert
        JsonNode allowed = json(FIREWALL.formatted("AllowPartnerOffices", "Allow", "prevention"));
        assertAllowed(allowed);
        assertThat(allowed.has("is_alert")).isFalse();
    }

    @Test
    void accessLogsAreHttpActivityByMethod() throws Exception {
        String batch = """
                {"records": [{"time": "2025-11-05T14:20:00.5000000Z",
                  "resourceId": "/SUBSCRIPTIONS/7C6B5A49-0000-4000-8000-000000000001/RESOURCEGROUPS/EDGE/PROVIDERS/MICROSOFT.CDN/PROFILES/NORTHWIND-EDGE",
                  "category": "FrontDoorAccessLog", "operationName": "Microsoft.Cdn/Profiles/AccessLog/Write",
                  "properties": {"trackingReference": "20251105T142000Z-17c9d8f5b2-ef01", "httpMethod": "POST", "httpVersion": "2.0.0.0",
                    "requestUri": "https://shop.northwind.example:443/account/login", "hostName": "shop.northwind.example",
                    "requestBytes": "1830", "responseBytes": "912", "userAgent": "python-requests/2.32.3",
                    "clientIp": "203.0.113.200", "clientPort": "51200", "socketIp": "203.0.113.200", "timeTaken": "0.180",
                    "requestProtocol": "HTTPS", "securityProtocol": "TLS 1.3", "httpStatusCode": "401", "pop": "AMS",
                    "cacheStatus": "CONFIG_NOCACHE", "errorInfo": "NoError"}}]}""";
        List<JsonEvent> events =
                new EventBatchParser().parse(batch.getBytes(StandardCharsets.UTF_8), EventBatchParser.Format.JSON);
        assertThat(events).hasSize(1);
        JsonNode r = json(events.get(0).toObjectNode().toString());
        assertProduct(r, FRONT_DOOR);
        assertThat(r.get("class_uid").asInt()).isEqualTo(4002);
        assertThat(r.get("activity_id").asInt()).isEqualTo(6);
        assertThat(r.at("/http_request/http_method").asText()).isEqualTo("POST");
        assertThat(r.at("/http_request/url/path").asText()).isEqualTo("/account/login");
        assertThat(r.at("/http_request/user_agent").asText()).isEqualTo("python-requests/2.32.3");
        assertThat(r.at("/http_response/code").asInt()).isEqualTo(401);
        assertThat(r.at("/traffic/bytes_out").asLong()).isEqualTo(1830);
        assertThat(r.at("/traffic/bytes_in").asLong()).isEqualTo(912);
        assertThat(r.at("/src_endpoint/ip").asText()).isEqualTo("203.0.113.200");
        assertThat(r.at("/dst_endpoint/hostname").asText()).isEqualTo("shop.northwind.example");
        assertThat(r.has("action_id"))
                .as("an access log says nothing of a firewall")
                .isFalse();
    }

    @Test
    void healthProbesAndOtherResourcesLogsAreNotRequests() throws Exception {
        JsonNode probe = json("""
                {"time": "2025-11-05T14:21:00Z", "resourceId": "/SUBSCRIPTIONS/7C6B5A49/RESOURCEGROUPS/EDGE/PROVIDERS/MICROSOFT.CDN/PROFILES/NORTHWIND-EDGE",
                 "category": "FrontDoorHealthProbeLog", "operationName": "Microsoft.Cdn/Profiles/FrontDoorHealthProbeLog/Write",
                 "properties": {"healthProbeId": "9f8e", "POP": "AMS", "httpVerb": "HEAD", "result": "OriginError",
                   "httpStatusCode": "502", "probeURL": "https://origin.northwind.example/health", "originName": "origin.northwind.example"}}""");
        assertProduct(probe, FRONT_DOOR);
        assertThat(probe.get("class_uid").asInt()).isZero();

        // another resource's diagnostic record with a request URI is not Front Door's
        JsonNode gateway = json("""
                {"time": "2025-11-05T14:21:00Z", "resourceId": "/SUBSCRIPTIONS/7C6B5A49/RESOURCEGROUPS/EDGE/PROVIDERS/MICROSOFT.NETWORK/APPLICATIONGATEWAYS/AGW1",
                 "category": "ApplicationGatewayAccessLog", "operationName": "ApplicationGatewayAccess",
                 "properties": {"clientIP": "203.0.113.200", "httpMethod": "GET", "requestUri": "/", "httpStatus": 200}}""");
        assertThat(gateway.at("/metadata/product/name").asText()).isNotEqualTo(FRONT_DOOR);
    }
}
