/**
 * The demo company for the default profile: its shop database and connected systems, its staff logins (printed at
 * start-up), and the demo mailbox (a local SMTP server and the page that shows what it received). Never active in the
 * postgres profile (rightsflow.demo.enabled=false there).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo")
package org.rightsflow.demo;
