package io.socaas.correlation.sigma.domain;

import static io.socaas.correlation.sigma.domain.SigmaTestData.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socaas.correlation.sigma.yaml.LogsourceMappingReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Conditions of the logsource mapping on an event's texts ({@code field|contains}, and {@code
 * |contains} over every text of the event), categories without {@code when}, and the {@code unless}
 * conditions that turn events away from a source before its texts are searched.
 */
class TextConditionRoutingTest {

    private static final LogsourceMapping MAPPING = LogsourceMappingReader.read("""
            sources:
              - name: java
                product: jvm
                match:
                  - {"|contains": [".java:", "Exception in thread \\""]}
                  - {logger_name: "*", thread_name: "*"}
                categories:
                  - {category: application}
              - name: spring
                product: spring
                match: [{"|contains": ["org.springframework.", " --- ["]}]
                categories:
                  - {category: application}
              - name: tomcat-errors
                product: tomcat
                match: [{app_name: tomcat, "message|contains": ["SEVERE"]}]
              - name: java-sql
                product: sql
                # the same piece of text as the java source's: found once for both
                match: [{"|contains": [".java:"]}]
            """);

    private static final Logsource JVM = new Logsource("jvm", "application", null);
    private static final Logsource SPRING = new Logsource("spring", "application", null);
    private static final Logsource TOMCAT = new Logsource("tomcat", null, null);
    private static final Logsource SQL = new Logsource("sql", null, null);

    private static List<Logsource> classify(String json) {
        return MAPPING.classify(event(json)).stream()
                .map(LogsourceMapping.Classified::logsource)
                .toList();
    }

    @Test
    void aTextConditionWithoutAFieldSearchesEveryTextOfTheEventNestedOnesToo() {
        // a stack frame in the message, in a nested field, in a list
        assertThat(classify("""
                {"message": "java.lang.NullPointerException\\n\\tat com.acme.Cart.total(Cart.java:42)"}""")).contains(JVM, SQL);
        assertThat(classify("""
                {"error": {"stack_trace": "java.lang.IllegalStateException: x\\n\\tat com.acme.A.b(A.java:7)"}}""")).contains(JVM);
        assertThat(classify("""
                {"frames": ["at com.acme.A.b(A.java:7)"]}""")).contains(JVM);
        // the source's own and its category without `when`: every event of the source
        assertThat(classify("{\"message\": \"at com.acme.A.b(A.java:7)\"}"))
                .contains(new Logsource("jvm", null, null), JVM);
        // no such piece of text anywhere, nor in a field's name
        assertThat(classify("{\"message\": \"Accepted password for root\", \"Cart.java:42\": \"x\"}"))
                .isEmpty();
    }

    @Test
    void piecesOfTextAreComparedCaseInsensitivelyWithTheirSpaces() {
        assertThat(classify("{\"message\": \"EXCEPTION IN THREAD \\\"main\\\" java.lang.Error\"}"))
                .contains(JVM);
        // Python's threads print the header without the quote
        assertThat(classify("{\"message\": \"Exception in thread Thread-1:\"}")).isEmpty();
        assertThat(
                        classify(
                                "{\"message\": \"2026-03-01T10:15:42.311Z  WARN 1 --- [nio-8080-exec-7] o.s.w.s.PageNotFound\"}"))
                .contains(SPRING)
                .doesNotContain(JVM);
        assertThat(classify("{\"message\": \"2026-03-01 WARN 1 ---[main] x\"}")).isEmpty();
    }

    @Test
    void aFieldsTextConditionHoldsBesideItsOtherFieldsOnly() {
        assertThat(classify("{\"app_name\": \"tomcat\", \"message\": \"SEVERE: Servlet.service() threw exception\"}"))
                .contains(TOMCAT);
        // the text in another field, or the program another
        assertThat(classify("{\"app_name\": \"tomcat\", \"message\": \"INFO: started\", \"note\": \"SEVERE\"}"))
                .doesNotContain(TOMCAT);
        assertThat(classify("{\"app_name\": \"httpd\", \"message\": \"SEVERE: x\"}"))
                .doesNotContain(TOMCAT);
        // a source's field conditions and its text conditions are alternatives of one another
        assertThat(classify("{\"logger_name\": \"com.acme.Cart\", \"thread_name\": \"main\", \"message\": \"ok\"}"))
                .contains(JVM)
                .doesNotContain(SQL);
    }

    private static final LogsourceMapping GUARDED = LogsourceMappingReader.read("""
            sources:
              - name: windows-system
                product: windows
                service: system
                match: [{Channel: System}]
              - name: java
                product: jvm
                unless: [{Channel: "*"}, {app_name: [sshd, nginx]}]
                match:
                  - {message|contains: [".java:"]}
                  - {logger_name: "*", thread_name: "*"}
            """);

    private static List<Logsource> classifyGuarded(String json) {
        return GUARDED.classify(event(json)).stream()
                .map(LogsourceMapping.Classified::logsource)
                .toList();
    }

    @Test
    void anEventAnUnlessConditionHoldsForIsNotTheSourcesWhateverItsMatch() {
        Logsource jvm = new Logsource("jvm", null, null);
        Logsource system = new Logsource("windows", null, "system");
        assertThat(classifyGuarded("{\"message\": \"at com.acme.A.b(A.java:7)\"}"))
                .containsExactly(jvm);
        assertThat(classifyGuarded("{\"logger_name\": \"com.acme.A\", \"thread_name\": \"main\"}"))
                .containsExactly(jvm);
        // a channel's record, even one of a channel no source claims, and the programs named
        assertThat(classifyGuarded("{\"Channel\": \"System\", \"message\": \"at com.acme.A.b(A.java:7)\"}"))
                .containsExactly(system);
        assertThat(classifyGuarded("{\"Channel\": \"Other\", \"logger_name\": \"a\", \"thread_name\": \"b\"}"))
                .isEmpty();
        assertThat(classifyGuarded("{\"app_name\": \"sshd\", \"message\": \"x ${jndi:ldap://a/A.java:1}\"}"))
                .isEmpty();
        // another program's line is tested as before
        assertThat(classifyGuarded("{\"app_name\": \"tomcat\", \"message\": \"at com.acme.A.b(A.java:7)\"}"))
                .containsExactly(jvm);
    }

    @Test
    void anUnlessConditionOnTextsIsRefusedWhenTheMappingIsRead() {
        assertThatThrownBy(() -> LogsourceMappingReader.read("sources:\n  - {name: s, product: x,"
                        + " unless: [{\"message|contains\": [a]}], match: [{app_name: a}]}\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("source s")
                .hasMessageContaining("unless");
    }

    @Test
    void aModifierOtherThanContainsOrAnEmptyTextIsRefusedWhenTheMappingIsRead() {
        assertThatThrownBy(() -> LogsourceMappingReader.read(
                        "sources:\n  - {name: s, product: x, match: [{\"message|re\": \"a.*b\"}]}\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("source s")
                .hasMessageContaining("message|re");
        assertThatThrownBy(() -> LogsourceMappingReader.read(
                        "sources:\n  - {name: s, product: x, match: [{\"|contains\": [\"\"]}]}\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("source s")
                .hasMessageContaining("empty");
    }
}
