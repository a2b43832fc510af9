package org.rightsflow.workflow;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.rightsflow.deadline.StatutoryClock;
import org.rightsflow.security.StaffMember;
import org.rightsflow.security.StaffRole;

/**
 * A quick measurement of the inbox's queries (not a test; docs/performance.md): an engine of its own on PostgreSQL
 * ({@code -Dbenchmark.url}, default the database {@code rightsflow_inbox_bench} on localhost, created beforehand),
 * seeded with {@code -Dbenchmark.tasks} open tasks (default 10,000) of a one-task process, 80 % offered to one
 * group and 20 % to another; then page views of 50 by {@code -Dbenchmark.clients} threads at once (default 50), a
 * privacy officer's and a system owner's pages spread over the whole inbox, and one view the way the inbox was built
 * before (every task listed, its variables and groups read task by task). Prints the figures; asserts nothing.
 */
class InboxBenchmark {

    /** Run by {@code mvn test -Dtest=InboxBenchmark}; the name keeps it out of the normal test run. */
    @org.junit.jupiter.api.Test
    void measure() throws Exception {
        main(new String[0]);
    }

    public static void main(String[] args) throws Exception {
        String url = System.getProperty("benchmark.url", "jdbc:postgresql://127.0.0.1:5432/rightsflow_inbox_bench");
        int taskCount = Integer.getInteger("benchmark.tasks", 10_000);
        int clients = Integer.getInteger("benchmark.clients", 50);
        int views = Integer.getInteger("benchmark.views", 40);
        ProcessEngine engine = ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration()
                .setProcessEngineName("inbox-benchmark")
                .setJdbcUrl(url).setJdbcDriver("org.postgresql.Driver")
                .setJdbcUsername(System.getProperty("benchmark.user", "postgres"))
                .setJdbcPassword(System.getProperty("benchmark.password", ""))
                .setJdbcMaxActiveConnections(clients)
                .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
                .setJobExecutorActivate(false)
                .setHistory(ProcessEngineConfiguration.HISTORY_NONE)
                .buildProcessEngine();
        try {
            Instant now = Instant.parse("2026-03-02T09:00:00Z");
            seed(engine, taskCount, now);
            InboxQueries inbox = new InboxQueries(engine, StatutoryClock.shipped(ZoneOffset.UTC),
                    Clock.fixed(now, ZoneOffset.UTC));
            StaffMember officer = new StaffMember("olivia", "Olivia", null, Set.of(StaffRole.PRIVACY_OFFICER),
                    Set.of("privacy-officers"));
            StaffMember owner = new StaffMember("sam", "Sam", null, Set.of(StaffRole.SYSTEM_OWNER),
                    Set.of("shop-owners"));
            long open = engine.getTaskService().createTaskQuery().active().count();
            System.out.printf("open tasks: %,d; %d clients, %d page views each%n", open, clients, views);
            for (int warm = 0; warm < 20; warm++) {
                inbox.page(officer, warm + 1, 50);
                inbox.page(owner, warm + 1, 50);
            }
            report("officer, pages 1..n", measure(clients, views, i -> inbox.page(officer, 1 + i % 200, 50)));
            report("owner (20 % of tasks), pages 1..n", measure(clients, views, i -> inbox.page(owner, 1 + i % 40, 50)));
            report("officer, page 1 only, alone", measure(1, 50, i -> inbox.page(officer, 1, 50)));
            long start = System.nanoTime();
            int rows = before(engine, inbox).size();
            System.out.printf("before: one officer view listing all %,d tasks, alone: %,d ms%n", rows,
                    (System.nanoTime() - start) / 1_000_000);
        } finally {
            engine.close();
        }
    }

    /** The inbox as it was built before: every visible task, then its variables and groups task by task. */
    private static List<InboxTask> before(ProcessEngine engine, InboxQueries inbox) {
        List<InboxTask> rows = new ArrayList<>();
        for (Task task : engine.getTaskService().createTaskQuery().active().list()) {
            Map<String, Object> variables = engine.getTaskService().getVariables(task.getId(),
                    InboxQueries.ROW_VARIABLES);
            List<String> groups = engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
                    .map(link -> link.getGroupId()).filter(g -> g != null).sorted().toList();
            rows.add(inbox.toInboxTask(task, variables, groups));
        }
        return rows;
    }

    private static void seed(ProcessEngine engine, int taskCount, Instant now) {
        if (engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("inbox-bench").count()
                == 0) {
            engine.getRepositoryService().createDeployment().addModelInstance("inbox-bench.bpmn",
                    Bpmn.createExecutableProcess("inbox-bench").camundaHistoryTimeToLive(1).startEvent()
                            .userTask(ProcessModel.Activities.FULFIL_TASK).name("Erase in ${systemName}")
                            .camundaCandidateGroups("${ownerGroup}").camundaDueDate("${dueDate}")
                            .endEvent().done()).deploy();
        }
        long have = engine.getTaskService().createTaskQuery().count();
        long start = System.nanoTime();
        for (long i = have; i < taskCount; i++) {
            String reference = String.format("DSR-2026-%06d", i + 1);
            Map<String, Object> variables = new HashMap<>();
            variables.put(ProcessModel.Variables.REFERENCE, reference);
            variables.put(ProcessModel.Variables.REGIME, "GDPR");
            variables.put(ProcessModel.Variables.REQUEST_TYPE, "DELETION");
            variables.put(ProcessModel.Variables.SYSTEM_ID, 7L);
            variables.put(ProcessModel.Variables.SYSTEM_NAME, "Shop database");
            variables.put(ProcessModel.Variables.INSTRUCTIONS, "Delete the customer.");
            variables.put(ProcessModel.Variables.OWNER_GROUP, i % 5 == 0 ? "shop-owners" : "crm-owners");
            variables.put(ProcessModel.Variables.DUE_DATE,
                    Date.from(now.plus(i % 60 - 10, ChronoUnit.DAYS)));
            engine.getRuntimeService().startProcessInstanceByKey("inbox-bench", reference, variables);
        }
        if (have < taskCount) {
            System.out.printf("seeded %,d tasks in %,d s%n", taskCount - have, (System.nanoTime() - start) / 1_000_000_000);
        }
        try (var connection = engine.getProcessEngineConfiguration().getDataSource().getConnection();
             var statement = connection.createStatement()) {
            statement.execute("analyze");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    interface View {
        void run(int i);
    }

    private static List<Long> measure(int clients, int views, View view) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<List<Long>>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            futures.add(pool.submit(() -> {
                List<Long> times = new ArrayList<>();
                for (int v = 0; v < views; v++) {
                    long start = System.nanoTime();
                    view.run(client * views + v);
                    times.add(System.nanoTime() - start);
                }
                return times;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> future : futures) {
            all.addAll(future.get());
        }
        pool.shutdown();
        Collections.sort(all);
        return all;
    }

    private static void report(String what, List<Long> sorted) {
        System.out.printf("%-40s views %5d  p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms  max %6.1f ms%n", what,
                sorted.size(), ms(sorted, 0.50), ms(sorted, 0.95), ms(sorted, 0.99),
                sorted.get(sorted.size() - 1) / 1e6);
    }

    private static double ms(List<Long> sorted, double quantile) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(quantile * sorted.size()) - 1)) / 1e6;
    }
}
