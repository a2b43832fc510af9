/**
 * Connected systems: the registry of the databases, services, teams and processors a request must reach (YAML
 * definitions with secret references), the connector SPI and its implementations — sql (a documented mapping of any
 * schema), http (a documented JSON contract, signed callbacks) and processor email with confirmation links — for
 * single requests, opt-out batches and identity scans, the step journal of every attempt (with the proof of erasure
 * it reads as), the result recorded for each system and request, and the encrypted data an access step found.
 * Systems no connector reaches are fulfilled by a task for their owner group.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Connected systems")
package org.rightsflow.connector;
