/**
 * Camunda glue and nothing more: starts the processes for each submitted request, appeal and opt-out batch,
 * correlates messages, and runs thin delegates that call the other modules. Also the staff task API the inbox uses
 * ({@link org.rightsflow.workflow.StaffTasks}), which moves Camunda's tasks along and leaves the rules to their
 * owners: who sees which task to {@code security.StaffMember}, who decides an appeal to {@code request}, texts to the
 * modules whose data they describe. What operators watch of the engine (EngineStatistics, EngineHealth) is asked
 * here too. Every call to the Camunda engine stays in this module. Process, activity, message
 * and variable names live in {@link org.rightsflow.workflow.ProcessModel}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Workflow")
package org.rightsflow.workflow;
