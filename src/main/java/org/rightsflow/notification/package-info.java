/**
 * Email: every message is written to the outbox in the transaction of the step that causes it, rendered from the
 * Thymeleaf templates in templates/mail/, and sent by a dispatcher with retries. Without an SMTP server the
 * messages wait in the outbox. Staff and the API read each message with its links and codes replaced by labels
 * (MailSecret); only the recipient receives them, and the outbox erases its copy once a message is sent or failed.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notification")
package org.rightsflow.notification;
