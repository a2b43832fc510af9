/**
 * The demo company for the default profile: its staff logins, printed at start-up. Never active in the postgres
 * profile (rightsflow.demo.enabled=false there).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo")
package org.rightsflow.demo;
