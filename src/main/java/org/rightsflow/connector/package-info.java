/**
 * Connected systems: the registry of the databases, services, teams and processors a request must reach, and
 * the result recorded for each system and request. Connectors (sql, http, processor email) will plug in here;
 * today every system is fulfilled by a manual task for its owner group.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Connected systems")
package org.rightsflow.connector;
