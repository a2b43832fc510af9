package org.rightsflow.request;

/**
 * Published, in the transaction that paused it, when a request's clock stops to wait for the subject's answer: the
 * process holds its deadline timers and the subject is told there is a message on their status page.
 */
public record ClockPaused(String reference) {
}
