package org.rightsflow.workflow;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.community.mockito.CamundaMockito;
import org.camunda.community.mockito.mock.FluentJavaDelegateMock;

/**
 * Every delegate bean the models name, registered as a camunda-platform-7-mockito mock under its bean name, so
 * {@code ${beanName}} resolves to it through the MockExpressionManager. Each mock writes what it saw into a journal
 * (bean, activity, process, business key, variables) and then runs the behaviour a test gave it (by default
 * nothing): the journal tells which delegates ran, in which order, and with what.
 */
final class DelegateStubs {

    static final List<String> BEANS = List.of(
            "acknowledgeRequest", "sendVerificationLink", "recordVerification", "closeUnverifiable",
            "selectSystemsInScope", "remindAssignees", "escalateOverdue", "sendResponse", "closeRequest",
            "prepareSystemTask", "recordSystemResult", "planErasure", "runConnectorAction", "remindCallbackLate",
            "raiseCallbackIncident", "emailProcessor", "remindProcessor", "escalateProcessor", "assemblePackage",
            "selectBatchSystems", "routeBatch", "applyOptOutBatch", "completeOptOutBatch", "remindOptOutBatch",
            "escalateOptOutBatch");

    /** The engine's clock (ClockUtil), which the tests move, as the application's Clock bean follows it. */
    static final java.time.Clock ENGINE_CLOCK = new java.time.Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public java.time.Instant instant() {
            return org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant();
        }
    };

    /** One delegate invocation, as the delegate saw it. */
    record Call(String bean, String activityId, String processDefinitionKey, String businessKey,
                Map<String, Object> variables) {

        Object variable(String name) {
            return variables.get(name);
        }
    }

    private final List<Call> journal = new CopyOnWriteArrayList<>();
    private final Map<String, JavaDelegate> behaviours = new HashMap<>();
    private final Map<String, FluentJavaDelegateMock> mocks = new LinkedHashMap<>();

    /** Whether the packagePolicy stub asks for a review of access packages before release (by default not). */
    private boolean packageReview;

    /** Registers a journaling mock for every bean; call {@link CamundaMockito#reset()} after the test. */
    static DelegateStubs registerAll() {
        DelegateStubs stubs = new DelegateStubs();
        // The model asks ${packagePolicy.packageNeeded(requestType)}, answered by the real rule (it needs no bean),
        // and ${packagePolicy.reviewBeforeRelease(regime, requestType)}, answered as the test says.
        PackagePolicy policy = org.mockito.Mockito.mock(PackagePolicy.class);
        org.mockito.Mockito.when(policy.packageNeeded(any())).thenCallRealMethod();
        org.mockito.Mockito.when(policy.reviewBeforeRelease(any(), any())).thenAnswer(call -> stubs.packageReview);
        org.camunda.bpm.engine.test.mock.Mocks.register("packagePolicy", policy);
        // The ladder is the production bean: it only computes dates from the process variables and the engine's clock.
        org.camunda.bpm.engine.test.mock.Mocks.register("deadlineLadder",
                new DeadlineLadder(ProcessTestSupport.TIMERS, ENGINE_CLOCK));
        for (String bean : BEANS) {
            FluentJavaDelegateMock mock = CamundaMockito.registerJavaDelegateMock(bean);
            stubs.mocks.put(bean, mock);
            try {
                doAnswer(invocation -> {
                    DelegateExecution execution = invocation.getArgument(0);
                    stubs.journal.add(new Call(bean, execution.getCurrentActivityId(),
                            execution.getProcessDefinitionId().split(":")[0], execution.getBusinessKey(),
                            new HashMap<>(execution.getVariables())));
                    JavaDelegate behaviour = stubs.behaviours.get(bean);
                    if (behaviour != null) {
                        behaviour.execute(execution);
                    }
                    return null;
                }).when(mock.getMock()).execute(any());
            } catch (Exception impossible) {
                throw new IllegalStateException(impossible);
            }
        }
        return stubs;
    }

    /** Lets the packagePolicy stub ask for a review of access packages before release. */
    DelegateStubs reviewPackages(boolean review) {
        this.packageReview = review;
        return this;
    }

    /** What the bean does after it has been journaled (replaces any earlier behaviour). */
    DelegateStubs on(String bean, JavaDelegate behaviour) {
        if (!mocks.containsKey(bean)) {
            throw new IllegalArgumentException("No delegate bean " + bean + " in the models");
        }
        behaviours.put(bean, behaviour);
        return this;
    }

    /** The bean journals its call and does nothing else. */
    DelegateStubs doNothing(String bean) {
        behaviours.remove(bean);
        return this;
    }

    List<Call> calls() {
        return List.copyOf(journal);
    }

    List<Call> callsOf(String bean) {
        return journal.stream().filter(call -> call.bean().equals(bean)).toList();
    }

    /** The beans in the order they ran. */
    List<String> beansRun() {
        return journal.stream().map(Call::bean).toList();
    }
}
