package org.factdesk.benchmark;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import javax.sql.DataSource;

import org.factdesk.testing.FactDeskTest;
import org.factdesk.testing.TestApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How many SQL statements each step of a claim's lifecycle sends to the database, and which, counted at the JDBC
 * connection (FactDesk's own queries and the engine's alike). A measuring tool for the scale benchmark, run by name
 * only ({@code -Dtest=StatementCountProbe}): it prints its counts and asserts only that the lifecycle went through.
 */
@FactDeskTest
class StatementCountProbe {

    /** Every statement prepared or run since the last step, with the thread that sent it. */
    static final ConcurrentLinkedQueue<String> SENT = new ConcurrentLinkedQueue<>();

    @LocalServerPort
    int port;

    @TestConfiguration
    static class Counting {

        @Bean
        static BeanPostProcessor countStatements() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (bean instanceof DataSource source) {
                        return Proxy.newProxyInstance(DataSource.class.getClassLoader(),
                                new Class<?>[] {DataSource.class}, forward(source, DataSource.class));
                    }
                    return bean;
                }
            };
        }

        private static InvocationHandler forward(Object target, Class<?> kind) {
            return (proxy, method, args) -> {
                Object result = invoke(target, method, args);
                if (result instanceof Connection connection && kind == DataSource.class) {
                    return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                            forward(connection, Connection.class));
                }
                if (kind == Connection.class && (method.getName().equals("prepareStatement")
                        || method.getName().equals("prepareCall"))) {
                    SENT.add(Thread.currentThread().getName().replaceAll("-\\d+$", "") + " | "
                            + String.valueOf(args[0]).replaceAll("\\s+", " ").strip());
                }
                if (kind == Connection.class && method.getName().equals("createStatement")) {
                    SENT.add(Thread.currentThread().getName().replaceAll("-\\d+$", "") + " | (plain statement)");
                }
                if (kind == Connection.class && method.getName().equals("commit")) {
                    SENT.add(Thread.currentThread().getName().replaceAll("-\\d+$", "") + " | COMMIT");
                }
                return result;
            };
        }

        private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }

    @Test
    void countsTheStatementsOfEachStep() throws Exception {
        TestApi api = new TestApi(port);
        long article = api.importArticle("The minister visited Lodnon on Tuesday.", "The minister left Lodnon later.");
        // Twice: the first lifecycle warms caches (deployment, decision, groups); the second is the one printed.
        for (int round = 0; round < 2; round++) {
            Thread.sleep(3000);
            SENT.clear();
            long claim = api.flag("fiona", article, Map.of("quote", round == 0 ? "Lodnon on" : "Lodnon later",
                    "category", "TYPO", "severity", "LOW", "replacement", "London"));
            String step1 = drain("flag");
            String verify = api.taskOf("farid", claim);
            String step2 = drain("farid's queue");
            assertThat(api.post("farid", "/api/tasks/" + verify + "/claim", null).status()).isEqualTo(200);
            String step3 = drain("claim Verify claim");
            assertThat(api.post("farid", "/api/tasks/" + verify + "/complete", Map.of("verdict", "ERROR_CONFIRMED",
                    "notice", "An earlier version of this article misspelled London.")).status()).isEqualTo(204);
            String step4 = drain("complete Verify claim");
            String approve = api.taskOf("edith", claim);
            String step5 = drain("edith's queue");
            assertThat(api.post("edith", "/api/tasks/" + approve + "/claim", null).status()).isEqualTo(200);
            String step6 = drain("claim Approve correction");
            assertThat(api.post("edith", "/api/tasks/" + approve + "/complete", Map.of("decision", "APPROVE"))
                    .status()).isEqualTo(204);
            String step7 = drain("complete Approve correction");
            api.awaitState(claim, "PUBLISHED");
            Thread.sleep(2000);
            String step8 = drain("publication job and scan (background threads, and the PUBLISHED polls)");
            if (round == 1) {
                for (String step : List.of(step1, step2, step3, step4, step5, step6, step7, step8)) {
                    System.out.println(step);
                }
            }
        }
    }

    private static String drain(String step) {
        List<String> all = new ArrayList<>();
        for (String s; (s = SENT.poll()) != null; ) {
            all.add(s);
        }
        Map<String, Integer> counts = new TreeMap<>();
        all.forEach(s -> counts.merge(s.length() > 230 ? s.substring(0, 230) : s, 1, Integer::sum));
        StringBuilder out = new StringBuilder("[statements] " + step + ": " + all.stream()
                .filter(s -> !s.endsWith("COMMIT")).count() + " statements, " + all.stream()
                .filter(s -> s.endsWith("COMMIT")).count() + " commits");
        counts.forEach((sql, n) -> out.append(String.format("%n   %3d x %s", n, sql)));
        return out.toString();
    }
}
