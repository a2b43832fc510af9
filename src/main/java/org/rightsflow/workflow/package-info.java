/**
 * Camunda glue and nothing more: starts the data-subject-request process for each submitted request, correlates
 * verification, and runs thin delegates that call the other modules. Also the staff task API the inbox uses.
 * Process, activity, message and variable names live in {@link org.rightsflow.workflow.ProcessModel}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Workflow")
package org.rightsflow.workflow;
