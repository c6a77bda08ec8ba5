package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Statements the PostgreSQL server logs (log_statement, log_min_duration_statement) and pgAudit's
 * AUDIT records are Datastore Activity by what the statement does, with the user, the database, the
 * client and the statement. Lines written from PostgreSQL's log_line_prefix escapes, its csvlog
 * columns and pgAudit's documented record format.
 */
class PostgresqlStatementMappingsTest {

    @Test
    void aLoggedStatementIsDatastoreActivityWithTheUserDatabaseAndStatement() throws Exception {
        JsonNode select = line("2026-03-01 09:00:00.123 UTC [4711] appuser@orders LOG:  duration: 12.504 ms  statement:"
                + " SELECT id, total FROM invoices WHERE customer_id = 42");
        assertThat(select.get("class_uid").asInt()).as("class of %s", select).isEqualTo(6005);
        assertThat(select.get("activity_id").asInt()).isEqualTo(4);
        assertThat(select.at("/actor/user/name").asText()).isEqualTo("appuser");
        assertThat(select.at("/database/name").asText()).isEqualTo("orders");
        assertThat(select.at("/query_info/query_string").asText()).startsWith("SELECT id, total FROM invoices");
        assertThat(select.get("duration").asInt()).isEqualTo(12);
        assertThat(select.get("type_id").asInt()).isEqualTo(1);
        assertProduct(select, "PostgreSQL");

        // the Amazon RDS prefix %t:%r:%u@%d:[%p]: names the client
        JsonNode drop = line("2026-03-01 09:01:00 UTC:198.51.100.23(50432):dbadmin@orders:[5120]:LOG:  statement: DROP"
                + " TABLE audit_trail");
        assertThat(drop.get("activity_id").asInt()).as("activity of %s", drop).isEqualTo(7);
        assertThat(drop.at("/src_endpoint/ip").asText()).isEqualTo("198.51.100.23");
        assertThat(drop.at("/actor/user/name").asText()).isEqualTo("dbadmin");

        // a prefix with user= and db= escapes
        JsonNode insert =
                line("2026-03-01 09:02:00.001 UTC [5130]: [3-1] db=orders,user=etl,app=loader,client=192.0.2.40"
                        + " LOG:  statement: insert into staging values (1, 'a')");
        assertThat(insert.get("activity_id").asInt())
                .as("activity of %s", insert)
                .isEqualTo(5);
        assertThat(insert.at("/actor/user/name").asText()).isEqualTo("etl");
        assertThat(insert.at("/database/name").asText()).isEqualTo("orders");
        assertThat(insert.at("/src_endpoint/ip").asText()).isEqualTo("192.0.2.40");
    }

    @Test
    void aPgAuditRecordIsDatastoreActivityByItsCommand() throws Exception {
        JsonNode ddl =
                line("2026-03-01 09:03:00.000 UTC [5140] dbadmin@orders LOG:  AUDIT: SESSION,1,1,DDL,CREATE TABLE,"
                        + "TABLE,public.account,\"create table account (id int, name text);\",<not logged>");
        assertThat(ddl.get("class_uid").asInt()).as("class of %s", ddl).isEqualTo(6005);
        assertThat(ddl.get("activity_id").asInt()).isEqualTo(6);
        assertThat(ddl.at("/query_info/query_string").asText()).contains("create table account");
        assertThat(ddl.at("/actor/user/name").asText()).isEqualTo("dbadmin");
        JsonNode read =
                line("2026-03-01 09:03:05.000 UTC [5140] dbadmin@orders LOG:  AUDIT: OBJECT,2,1,READ,SELECT,TABLE,"
                        + "public.account,select * from account,<not logged>");
        assertThat(read.get("activity_id").asInt()).isEqualTo(4);
    }

    @Test
    void aStatementInTheCsvLogHasItsColumns() throws Exception {
        JsonNode csv = line("2026-03-01 09:04:00.000 UTC,\"etl\",\"orders\",5150,\"192.0.2.40:51122\",65e1a3c0.141e,4,"
                + "\"UPDATE\",2026-03-01 09:03:58 UTC,4/12,0,LOG,00000,\"statement: UPDATE staging SET done = true\","
                + ",,,,,,,,\"loader\",\"client backend\",,0");
        assertThat(csv.get("class_uid").asInt()).as("class of %s", csv).isEqualTo(6005);
        assertThat(csv.get("activity_id").asInt()).isEqualTo(2);
        assertThat(csv.at("/actor/user/name").asText()).isEqualTo("etl");
        assertThat(csv.at("/src_endpoint/ip").asText()).isEqualTo("192.0.2.40");
        assertThat(csv.at("/query_info/query_string").asText()).isEqualTo("UPDATE staging SET done = true");
    }
}
