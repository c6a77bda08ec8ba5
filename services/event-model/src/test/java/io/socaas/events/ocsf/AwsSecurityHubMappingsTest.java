package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.epochMillis;
import static io.socaas.events.ocsf.MappedRecords.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * AWS Security Hub findings in the AWS Security Finding Format, written from AWS's documented format:
 * a control check's result as Compliance Finding, other products' findings as Detection Finding, as
 * exported, through EventBridge and as Wazuh's AWS module wraps them.
 */
class AwsSecurityHubMappingsTest {

    private static final String CONTROL_CHECK =
            "{\"SchemaVersion\":\"2018-10-08\",\"Id\":\"arn:aws:securityhub:eu-west-1:"
                    + "111122223333:security-control/S3.8/finding/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0\",\"ProductArn\":"
                    + "\"arn:aws:securityhub:eu-west-1::product/aws/securityhub\",\"ProductName\":\"Security Hub\","
                    + "\"CompanyName\":\"AWS\",\"Region\":\"eu-west-1\",\"GeneratorId\":\"security-control/S3.8\","
                    + "\"AwsAccountId\":\"111122223333\",\"Types\":[\"Software and Configuration Checks/Industry and"
                    + " Regulatory Standards\"],\"FirstObservedAt\":\"2026-02-27T08:00:00.000Z\",\"CreatedAt\":"
                    + "\"2026-02-27T08:00:00.000Z\",\"UpdatedAt\":\"2026-03-01T09:15:00.000Z\",\"Severity\":{\"Label\":"
                    + "\"HIGH\",\"Normalized\":70,\"Original\":\"HIGH\"},\"Title\":\"S3 general purpose buckets should block"
                    + " public access\",\"Description\":\"This control checks whether an S3 bucket has bucket-level Block"
                    + " Public Access settings.\",\"Remediation\":{\"Recommendation\":{\"Text\":\"For information on how to"
                    + " correct this issue, consult the AWS Security Hub controls documentation.\",\"Url\":"
                    + "\"https://docs.aws.amazon.com/console/securityhub/S3.8/remediation\"}},\"Resources\":[{\"Type\":"
                    + "\"AwsS3Bucket\",\"Id\":\"arn:aws:s3:::example-reports\",\"Partition\":\"aws\",\"Region\":"
                    + "\"eu-west-1\"}],\"Compliance\":{\"Status\":\"FAILED\",\"SecurityControlId\":\"S3.8\"},"
                    + "\"WorkflowState\":\"NEW\",\"Workflow\":{\"Status\":\"NEW\"},\"RecordState\":\"ACTIVE\"}";

    @Test
    void aControlCheckIsAComplianceFindingWithTheControlAndItsStatus() throws Exception {
        JsonNode r = json(CONTROL_CHECK);
        assertProduct(r, "AWS Security Hub");
        assertThat(r.get("class_uid").asInt()).isEqualTo(2003);
        assertThat(r.get("severity_id").asInt()).isEqualTo(4);
        assertThat(r.at("/compliance/control").asText()).isEqualTo("S3.8");
        assertThat(r.at("/compliance/status").asText()).isEqualTo("FAILED");
        assertThat(r.at("/finding_info/title").asText())
                .isEqualTo("S3 general purpose buckets should block public access");
        assertThat(r.at("/finding_info/uid").asText()).endsWith("/S3.8/finding/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0");
        assertThat(r.at("/cloud/account/uid").asText()).isEqualTo("111122223333");
        assertThat(r.at("/cloud/region").asText()).isEqualTo("eu-west-1");
        assertThat(r.at("/resources/0/uid").asText()).isEqualTo("arn:aws:s3:::example-reports");
        assertThat(r.at("/resources/0/type").asText()).isEqualTo("AwsS3Bucket");
        assertThat(r.at("/remediation/desc").asText()).startsWith("For information on how to correct");
        assertThat(r.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:15:00Z"));

        JsonNode wrapped = json("{\"integration\":\"aws\",\"aws\":{\"source\":\"securityhub\",\"detail_type\":"
                + "\"Security Hub Findings - Imported\",\"finding\":" + CONTROL_CHECK + "}}");
        assertThat(wrapped.get("class_uid").asInt()).isEqualTo(2003);
        assertThat(wrapped.at("/compliance/control").asText()).isEqualTo("S3.8");
        assertThat(wrapped.get("severity_id").asInt()).isEqualTo(4);
    }

    @Test
    void anotherProductsFindingThroughEventBridgeIsADetectionFinding() throws Exception {
        JsonNode r = json("{\"version\":\"0\",\"id\":\"8e5622f9-d81c-4d81-612a-9319e7ee2506\",\"detail-type\":"
                + "\"Security Hub Findings - Imported\",\"source\":\"aws.securityhub\",\"account\":\"111122223333\","
                + "\"time\":\"2026-03-01T09:20:00Z\",\"region\":\"eu-west-1\",\"resources\":[],\"detail\":{\"findings\":"
                + "[{\"SchemaVersion\":\"2018-10-08\",\"Id\":\"arn:aws:guardduty:eu-west-1:111122223333:detector/"
                + "12abc34d567e8fa901bc2d34e56789f0/finding/a1b2c3d4e5f6\",\"ProductArn\":\"arn:aws:securityhub:"
                + "eu-west-1::product/aws/guardduty\",\"ProductName\":\"GuardDuty\",\"GeneratorId\":"
                + "\"arn:aws:guardduty:eu-west-1:111122223333:detector/12abc34d567e8fa901bc2d34e56789f0\","
                + "\"AwsAccountId\":\"111122223333\",\"Region\":\"eu-west-1\",\"Types\":[\"TTPs/Command and"
                + " Control/Backdoor:EC2-C&CActivity.B!DNS\"],\"CreatedAt\":\"2026-03-01T09:10:00.000Z\","
                + "\"UpdatedAt\":\"2026-03-01T09:19:00.000Z\",\"Severity\":{\"Label\":\"CRITICAL\",\"Normalized\":90},"
                + "\"Title\":\"EC2 instance i-0abcd1234ef567890 is querying a domain name associated with a known"
                + " command and control server.\",\"Description\":\"EC2 instance i-0abcd1234ef567890 is querying"
                + " cc.example.net.\",\"Resources\":[{\"Type\":\"AwsEc2Instance\",\"Id\":\"arn:aws:ec2:eu-west-1:"
                + "111122223333:instance/i-0abcd1234ef567890\"}],\"RecordState\":\"ACTIVE\"}]}}");
        assertProduct(r, "AWS Security Hub");
        assertThat(r.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(r.get("severity_id").asInt()).isEqualTo(5);
        assertThat(r.at("/finding_info/product/name").asText()).isEqualTo("GuardDuty");
        assertThat(r.at("/finding_info/types/0").asText())
                .isEqualTo("TTPs/Command and Control/Backdoor:EC2-C&CActivity.B!DNS");
        assertThat(r.at("/resources/0/type").asText()).isEqualTo("AwsEc2Instance");
        assertThat(r.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:19:00Z"));
    }
}
