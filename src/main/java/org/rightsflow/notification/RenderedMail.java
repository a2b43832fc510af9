package org.rightsflow.notification;

record RenderedMail(String subject, String body) {
}
