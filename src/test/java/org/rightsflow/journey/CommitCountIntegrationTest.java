package org.rightsflow.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.rightsflow.notification.Outbox;
import org.rightsflow.request.RequestDirectory;
import org.rightsflow.testsupport.Journey;
import org.rightsflow.testsupport.RightsflowIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * How many database commits one request costs end to end, counted, never timed: every commit of a transaction that
 * wrote something (a read-only transaction costs the database no log flush), from the landing page to the last
 * email handed to the mail server. A limit of the use of sensitive data (CCPA §7027) needs no verification and
 * reaches one system, the demo shop's database through the sql connector, so it runs to the end with nobody acting.
 * The test prints each commit with the tables it wrote (docs/performance.md explains them) and fails when a change
 * adds commits to this journey.
 */
@RightsflowIntegrationTest
class CommitCountIntegrationTest {

    /** The commits this journey makes today (docs/performance.md, "Commits per request"). */
    static final int MOST_COMMITS = 13;

    @LocalServerPort
    int port;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Autowired
    Outbox outbox;

    @Autowired
    RequestDirectory requests;

    @Autowired
    org.springframework.core.env.Environment environment;

    /**
     * Camunda's history cleanup runs in a nightly window (01:00-05:00, application.yml): a node started inside it
     * cleans up, with growing pauses, whatever the requests. That is scheduled work on the wall clock's time of day,
     * not a commit of the journey, and it made the idle count fail when CI ran at night. This context's window is put
     * twelve hours from now, so that both counts are of a node outside it, at whatever hour the tests run.
     */
    @DynamicPropertySource
    static void historyCleanupWindowAwayFromNow(DynamicPropertyRegistry registry) {
        DateTimeFormatter hoursAndMinutes = DateTimeFormatter.ofPattern("HH:mm");
        LocalTime start = LocalTime.now().plusHours(12);
        String properties = "camunda.bpm.generic-properties.properties.";
        registry.add(properties + "historyCleanupBatchWindowStartTime", () -> start.format(hoursAndMinutes));
        registry.add(properties + "historyCleanupBatchWindowEndTime", () -> start.plusHours(1).format(hoursAndMinutes));
    }

    @Test
    void aRequestThatRunsToTheEndWithNobodyActingCommitsAtMostTheCountedTimes() {
        // Whatever the start-up left (demo data, the first scheduled runs) is done before counting.
        await().atMost(Journey.PATIENCE).until(() -> outbox.backlog().undelivered() == 0
                && management.createJobQuery().executable().count() == 0);
        CommitLog.start();
        Journey journey = new Journey(port, "commits");
        journey.submit("LIMIT_SENSITIVE", "CCPA", "");
        await().atMost(Journey.PATIENCE.multipliedBy(2)).until(() ->
                runtime.createProcessInstanceQuery().processInstanceBusinessKey(journey.reference()).count() == 0
                        && outbox.backlog().undelivered() == 0);
        journey.awaitMail("Our answer to your request " + journey.reference());
        List<CommitLog.Commit> commits = CommitLog.stop();

        StringBuilder report = new StringBuilder("Commits of one request, " + journey.reference() + ":\n");
        for (int i = 0; i < commits.size(); i++) {
            report.append(String.format("%2d  %-40s %s%n", i + 1, commits.get(i).thread(), commits.get(i).tables()));
        }
        System.out.println(report);
        assertThat(requests.get(journey.reference()).status().name()).isIn("COMPLETED", "CLOSED");
        assertThat(commits).as(report.toString()).hasSizeLessThanOrEqualTo(MOST_COMMITS);
    }

    /**
     * A node with nothing to do (after the start-up's work is done) writes nothing, and its background stays what its
     * settings make it: one statement per round of the outbox (which finds nothing to send), at most three
     * transactions per sweep of expired packages (its lock, the read, the unlock), and no more than 1.5 a second for
     * everything else (job acquisition, the gauges, the lock renewal). Counted over 15 s, never timed: on a busy machine
     * scheduled work can only come later, not more often. The tests' settings poll far more often than production's
     * (docs/performance.md, "An idle node": about 1 transaction a second on PostgreSQL with the shipped settings).
     */
    @Test
    void anIdleNodeWritesNothingAndItsBackgroundStaysWithinItsSchedule() throws InterruptedException {
        await().atMost(Journey.PATIENCE).until(() -> outbox.backlog().undelivered() == 0
                && management.createJobQuery().executable().count() == 0);
        Duration window = Duration.ofSeconds(15);
        CommitLog.start();
        // The window is the measurement: what the node's own schedules do in 15 s of real time (they run on the
        // wall clock, not on Camunda's), so no condition to await and no clock to move.
        Thread.sleep(window.toMillis());
        List<CommitLog.Commit> writes = CommitLog.stop();

        long outboxRounds = window.dividedBy(environment.getProperty("rightsflow.mail.dispatch-interval",
                Duration.class)) + 1;
        long sweeps = window.dividedBy(environment.getProperty("rightsflow.access-package.sweep-interval",
                Duration.class)) + 1;
        long allowed = outboxRounds + 3 * sweeps + (long) (1.5 * window.toSeconds());
        assertThat(writes).as("what an idle node wrote").isEmpty();
        assertThat((long) CommitLog.transactions()).as("transactions of an idle node in 15 s, by thread: "
                + CommitLog.transactionsByThread()).isLessThanOrEqualTo(allowed);
    }

    /** Wraps the application's DataSource so that every writing commit is logged. */
    @TestConfiguration
    static class CountCommits {

        @Bean
        static BeanPostProcessor commitCountingDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof DataSource dataSource && name.equals("dataSource")
                            ? CommitLog.wrap(dataSource) : bean;
                }
            };
        }
    }

    /**
     * The commits of connections from the wrapped DataSource: a commit counts when its transaction ran an INSERT,
     * UPDATE, DELETE or MERGE (or, in auto-commit, each such statement). Housekeeping that runs on its own clock
     * whatever the requests is left out: scheduler lock rows (ShedLock) and Spring Session's purge of expired
     * sessions (its thread {@code spring-session-…}).
     */
    static final class CommitLog {

        record Commit(String thread, Set<String> tables) {
        }

        private static final Pattern WRITE = Pattern.compile(
                "^\\s*(?:insert\\s+into|update|delete\\s+from|delete|merge\\s+into)\\s+([\\w.\"]+)",
                Pattern.CASE_INSENSITIVE);
        private static final List<Commit> COMMITS = new CopyOnWriteArrayList<>();
        /** Every transaction while counting, reading or writing: each commit, and each statement in auto-commit. */
        private static final java.util.concurrent.atomic.AtomicInteger TRANSACTIONS =
                new java.util.concurrent.atomic.AtomicInteger();
        private static final Map<String, Integer> BY_THREAD = new java.util.concurrent.ConcurrentHashMap<>();
        private static volatile boolean counting;

        static void start() {
            COMMITS.clear();
            TRANSACTIONS.set(0);
            BY_THREAD.clear();
            counting = true;
        }

        static int transactions() {
            return TRANSACTIONS.get();
        }

        static List<Commit> stop() {
            counting = false;
            return new ArrayList<>(COMMITS);
        }

        static DataSource wrap(DataSource target) {
            return (DataSource) Proxy.newProxyInstance(CommitLog.class.getClassLoader(),
                    new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                        Object result = invoke(target, method, args);
                        return result instanceof Connection connection ? connection(connection) : result;
                    });
        }

        private static Connection connection(Connection target) {
            Set<String> written = new TreeSet<>();
            InvocationHandler handler = (proxy, method, args) -> {
                String name = method.getName();
                if ((name.equals("prepareStatement") || name.equals("prepareCall")) && args[0] instanceof String sql) {
                    wrote(target, written, sql);
                }
                if (name.equals("commit")) {
                    Object result = invoke(target, method, args);
                    transaction();
                    committed(written);
                    return result;
                }
                if (name.equals("rollback") && (args == null || args.length == 0)) {
                    written.clear();
                }
                Object result = invoke(target, method, args);
                if (name.equals("createStatement") && result instanceof Statement statement) {
                    return statement(statement, target, written);
                }
                return result;
            };
            return (Connection) Proxy.newProxyInstance(CommitLog.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, handler);
        }

        private static Statement statement(Statement target, Connection connection, Set<String> written) {
            return (Statement) Proxy.newProxyInstance(CommitLog.class.getClassLoader(),
                    new Class<?>[] {Statement.class}, (proxy, method, args) -> {
                        if (method.getName().startsWith("execute") || method.getName().equals("addBatch")) {
                            if (args != null && args.length > 0 && args[0] instanceof String sql) {
                                wrote(connection, written, sql);
                            }
                        }
                        return invoke(target, method, args);
                    });
        }

        private static void wrote(Connection connection, Set<String> written, String sql) throws Exception {
            if (connection.getAutoCommit()) {
                transaction();
            }
            Matcher write = WRITE.matcher(sql);
            if (!write.find()) {
                return;
            }
            written.add(write.group(1).replace("\"", "").toLowerCase(Locale.ROOT));
            if (connection.getAutoCommit()) {
                committed(written);
            }
        }

        private static void transaction() {
            if (counting) {
                TRANSACTIONS.incrementAndGet();
                BY_THREAD.merge(Thread.currentThread().getName().replaceAll("\\d+", "#"), 1, Integer::sum);
            }
        }

        /** The transactions while counting, by thread (numbers folded): which part of the node made them. */
        static Map<String, Integer> transactionsByThread() {
            return new java.util.TreeMap<>(BY_THREAD);
        }

        private static void committed(Set<String> written) {
            if (!written.isEmpty() && counting && !written.equals(Set.of("shedlock"))
                    && !Thread.currentThread().getName().startsWith("spring-session")) {
                COMMITS.add(new Commit(Thread.currentThread().getName(), Set.copyOf(new TreeSet<>(written))));
            }
            written.clear();
        }

        private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
