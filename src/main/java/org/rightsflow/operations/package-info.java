/**
 * What operators watch: the gauges of Rightsflow's own state (requests per status and law, due within the week,
 * overdue, the engine's job backlog, failed jobs and incidents, the outbox, the opt-out batches' lag) for Micrometer
 * and Prometheus. Each gauge is a count asked of the module that owns it, refreshed on a schedule, so a scrape
 * never runs queries and a slow scrape never slows a page. Health indicators live with what they watch (engine in
 * workflow, outbox in notification); the management port's access in security. See docs/operations.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Operations")
package org.rightsflow.operations;
