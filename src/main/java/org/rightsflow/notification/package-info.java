/**
 * Email: every message is written to the outbox in the transaction of the step that causes it, rendered from the
 * Thymeleaf templates in templates/mail/, and sent by a dispatcher with retries. Without an SMTP server the
 * messages stay in the outbox, readable by staff.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notification")
package org.rightsflow.notification;
