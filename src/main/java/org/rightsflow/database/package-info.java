/**
 * The application's database connections: two connection pools behind the one {@link javax.sql.DataSource} every
 * module uses, so that no page can starve the job executor and no backlog of jobs can starve the pages. A servlet
 * request's thread takes its connections from the <em>web</em> pool; every other thread (Camunda's job executor and
 * job acquisition, scheduled jobs, start-up, the management port's health checks) from the <em>background</em>
 * pool. Each pool has a statement timeout, so one slow query cannot hold a connection for long. Sizing:
 * docs/operations.md, "Pools and the job executor".
 */
@org.springframework.modulith.ApplicationModule(displayName = "Database")
package org.rightsflow.database;
