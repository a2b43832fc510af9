package org.rightsflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rightsflow.deadline.StatutoryClock;
import org.rightsflow.security.StaffMember;
import org.rightsflow.security.StaffRole;

/**
 * The inbox's queries on a real engine of their own (in-memory H2, no Spring), whose data source counts the SQL
 * statements sent: pages are full and continue one another, who sees what is decided by the query (so older tasks
 * of others never crowd a system owner's page), and a view costs the same number of statements whatever the number
 * of open tasks.
 */
class InboxQueriesTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    /** One engine for the class (building its schema takes seconds); each test starts from no process instance. */
    private static final AtomicInteger statements = new AtomicInteger();
    private static ProcessEngine engine;
    private static InboxQueries inbox;
    private int started;

    private static final StaffMember OFFICER = new StaffMember("olivia", "Olivia", "o@example.org",
            Set.of(StaffRole.PRIVACY_OFFICER), Set.of("privacy-officers"));
    private static final StaffMember SHOP_OWNER = new StaffMember("sam", "Sam", "s@example.org",
            Set.of(StaffRole.SYSTEM_OWNER), Set.of("shop-owners"));

    @BeforeAll
    static void engine() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:inbox-queries-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        engine = ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
                .setProcessEngineName("inbox-queries-" + UUID.randomUUID())
                .setDataSource(counting(h2))
                .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
                .setJobExecutorActivate(false)
                .setHistory(ProcessEngineConfiguration.HISTORY_NONE)
                .buildProcessEngine();
        BpmnModelInstance model = Bpmn.createExecutableProcess("inbox-test").camundaHistoryTimeToLive(1)
                .startEvent()
                .userTask(ProcessModel.Activities.FULFIL_TASK).name("Erase in ${systemName}")
                .camundaCandidateGroups("${ownerGroup}").camundaDueDate("${dueDate}")
                .endEvent().done();
        engine.getRepositoryService().createDeployment().addModelInstance("inbox-test.bpmn", model).deploy();
        inbox = new InboxQueries(engine, StatutoryClock.shipped(ZoneOffset.UTC), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void noInstanceLeft() {
        List<String> instances = engine.getRuntimeService().createProcessInstanceQuery().list().stream()
                .map(instance -> instance.getId()).toList();
        engine.getRuntimeService().deleteProcessInstances(instances, "test over", true, true);
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void aPageHoldsAtMostThePageSizeAndTheTotalCountsEveryPage() {
        tasks(120, "shop-owners", 10);

        assertThat(inbox.page(OFFICER, 1, 50).tasks()).hasSize(50);
        assertThat(inbox.page(OFFICER, 2, 50).tasks()).hasSize(50);
        InboxPage last = inbox.page(OFFICER, 3, 50);
        assertThat(last.tasks()).hasSize(20);
        assertThat(last.total()).isEqualTo(120);
        assertThat(last.totalPages()).isEqualTo(3);
        assertThat(inbox.page(OFFICER, 9, 50).number()).as("past the end: the last page").isEqualTo(3);
    }

    @Test
    void eachPageContinuesExactlyAfterThePreviousOneInDueDateOrder() {
        // Several tasks per due date and per creation instant, so that only the id can break the ties.
        tasks(137, "shop-owners", 4);

        List<String> paged = new ArrayList<>();
        for (int page = 1; page <= 3; page++) {
            inbox.page(OFFICER, page, 50).tasks().forEach(task -> paged.add(task.id()));
        }

        List<String> all = engine.getTaskService().createTaskQuery().list().stream()
                .sorted(java.util.Comparator.comparing(Task::getDueDate).thenComparing(Task::getCreateTime)
                        .thenComparing(Task::getId))
                .map(Task::getId).toList();
        assertThat(paged).as("no task missing, none twice, in the order of the due dates").isEqualTo(all);
        assertThat(new HashSet<>(paged)).hasSize(137);
    }

    @Test
    void aSystemOwnersPageHoldsOnlyTheirTasksEvenWhenOthersAreOlder() {
        tasks(80, "crm-owners", 0);
        List<String> theirs = tasks(30, "shop-owners", 40);
        String assignedToSam = tasks(1, "crm-owners", 50).get(0);
        engine.getTaskService().setAssignee(assignedToSam, SHOP_OWNER.username());
        String heldByAnotherShopOwner = theirs.get(0);
        engine.getTaskService().setAssignee(heldByAnotherShopOwner, "kim");

        InboxPage first = inbox.page(SHOP_OWNER, 1, 20);
        InboxPage second = inbox.page(SHOP_OWNER, 2, 20);

        assertThat(first.total()).isEqualTo(31);
        assertThat(first.tasks()).as("a full page of theirs, although 80 others are due earlier").hasSize(20);
        List<String> seen = new ArrayList<>();
        first.tasks().forEach(task -> seen.add(task.id()));
        second.tasks().forEach(task -> seen.add(task.id()));
        List<String> expected = new ArrayList<>(theirs);
        expected.add(assignedToSam);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(expected)
                .as("a task of their group held by a colleague stays visible").contains(heldByAnotherShopOwner);
        assertThat(first.tasks()).allSatisfy(task -> assertThat(SHOP_OWNER.maySeeTask(task.assignee(),
                task.candidateGroups())).isTrue());

        StaffMember noGroups = new StaffMember("nora", "Nora", "n@example.org", Set.of(StaffRole.SYSTEM_OWNER),
                Set.of());
        engine.getTaskService().setAssignee(theirs.get(1), "nora");
        assertThat(inbox.page(noGroups, 1, 50).tasks()).extracting(InboxTask::id).containsExactly(theirs.get(1));
    }

    @Test
    void theInboxShowsExactlyTheTasksOfTheEnginesOwnQueryInTheSameOrder() {
        // The inbox pages through SQL of its own (a native query); the digest, a request's page and the opt-out
        // check ask Camunda's task query. Both must be the same rule, for every kind of staff member.
        tasks(12, "crm-owners", 0);
        List<String> shop = tasks(9, "shop-owners", 2);
        tasks(5, "shop-owners", 0);
        engine.getTaskService().setAssignee(tasks(1, "crm-owners", 1).get(0), SHOP_OWNER.username());
        engine.getTaskService().setAssignee(shop.get(0), "kim");
        engine.getTaskService().addCandidateGroup(shop.get(1), "crm-owners");
        StaffMember noGroups = new StaffMember("nora", "Nora", "n@example.org", Set.of(StaffRole.SYSTEM_OWNER),
                Set.of());
        engine.getTaskService().setAssignee(shop.get(2), "nora");
        StaffMember twoGroups = new StaffMember("tom", "Tom", "t@example.org", Set.of(StaffRole.SYSTEM_OWNER),
                Set.of("crm-owners", "shop-owners"));
        String suspended = tasks(1, "shop-owners", 0).get(0);
        engine.getRuntimeService().suspendProcessInstanceById(engine.getTaskService().createTaskQuery()
                .taskId(suspended).singleResult().getProcessInstanceId());

        for (StaffMember member : List.of(OFFICER, SHOP_OWNER, noGroups, twoGroups)) {
            List<String> engines = InboxQueries.byDueDate(inbox.visibleTo(member)).list().stream()
                    .map(org.camunda.bpm.engine.task.Task::getId).toList();
            List<String> pages = new ArrayList<>();
            InboxPage page = inbox.page(member, 1, 4);
            for (int number = 1; number <= page.totalPages(); number++) {
                InboxPage shown = inbox.page(member, number, 4);
                assertThat(shown.total()).as(member.username() + "'s total").isEqualTo(engines.size());
                shown.tasks().forEach(task -> pages.add(task.id()));
            }
            assertThat(pages).as(member.username() + "'s inbox, page by page").isNotEmpty()
                    .containsExactlyElementsOf(engines).doesNotContain(suspended);
        }
    }

    @Test
    void aRowCarriesItsRequestItsSystemAndItsCandidateGroups() {
        String id = tasks(1, "shop-owners", 3).get(0);
        engine.getTaskService().addCandidateGroup(id, "a-second-group");

        InboxTask row = inbox.page(OFFICER, 1, 50).tasks().get(0);

        assertThat(row.id()).isEqualTo(id);
        assertThat(row.reference()).isEqualTo("DSR-2026-000001");
        assertThat(row.regime()).isEqualTo("GDPR");
        assertThat(row.requestType()).isEqualTo("DELETION");
        assertThat(row.systemId()).isEqualTo(7L);
        assertThat(row.systemName()).isEqualTo("Shop database");
        assertThat(row.name()).isEqualTo("Erase in Shop database");
        assertThat(row.candidateGroups()).containsExactly("a-second-group", "shop-owners");
        assertThat(row.kind()).isEqualTo(InboxTask.Kind.FULFIL);
        assertThat(row.daysLeft()).isEqualTo(3);
    }

    @Test
    void aViewCostsTheSameStatementsWithTenTasksAsWithThreeHundred() {
        tasks(10, "shop-owners", 5);
        int few = statementsFor(() -> inbox.page(OFFICER, 1, 50));
        int fewOwner = statementsFor(() -> inbox.page(SHOP_OWNER, 1, 50));

        tasks(290, "shop-owners", 5);
        int many = statementsFor(() -> inbox.page(OFFICER, 2, 50));
        int manyOwner = statementsFor(() -> inbox.page(SHOP_OWNER, 3, 50));

        // The count, the page, the page's variables, the page's candidate groups.
        assertThat(few).isEqualTo(4);
        assertThat(many).isEqualTo(few);
        assertThat(manyOwner).isEqualTo(fewOwner).isEqualTo(4);
    }

    private int statementsFor(Runnable view) {
        int before = statements.get();
        view.run();
        return statements.get() - before;
    }

    /** Starts {@code count} requests with one task each for {@code group}, due from {@code firstDueInDays} on. */
    private List<String> tasks(int count, String group, int firstDueInDays) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            started++;
            String reference = String.format("DSR-2026-%06d", started);
            Date due = Date.from(NOW.truncatedTo(ChronoUnit.DAYS).plus(firstDueInDays + i / 3, ChronoUnit.DAYS)
                    .plus(17, ChronoUnit.HOURS));
            String instance = engine.getRuntimeService().startProcessInstanceByKey("inbox-test", reference, Map.of(
                    ProcessModel.Variables.REFERENCE, reference,
                    ProcessModel.Variables.REGIME, "GDPR",
                    ProcessModel.Variables.REQUEST_TYPE, "DELETION",
                    ProcessModel.Variables.SYSTEM_ID, 7L,
                    ProcessModel.Variables.SYSTEM_NAME, "Shop database",
                    ProcessModel.Variables.OWNER_GROUP, group,
                    ProcessModel.Variables.DUE_DATE, due)).getId();
            ids.add(engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getId());
        }
        return ids;
    }

    /** A data source whose connections count every statement they prepare or create. */
    private static DataSource counting(DataSource target) {
        InvocationHandler sourceHandler = (proxy, method, args) -> {
            Object result = invoke(target, method, args);
            if (result instanceof Connection connection) {
                return Proxy.newProxyInstance(InboxQueriesTest.class.getClassLoader(), new Class<?>[] {Connection.class},
                        (p, m, a) -> {
                            if (m.getName().equals("prepareStatement") || m.getName().equals("createStatement")
                                    || m.getName().equals("prepareCall")) {
                                statements.incrementAndGet();
                            }
                            return invoke(connection, m, a);
                        });
            }
            return result;
        };
        return (DataSource) Proxy.newProxyInstance(InboxQueriesTest.class.getClassLoader(), new Class<?>[] {DataSource.class},
                sourceHandler);
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
