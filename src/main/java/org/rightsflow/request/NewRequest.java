package org.rightsflow.request;

import java.time.Instant;
import org.rightsflow.deadline.Regime;
import org.rightsflow.deadline.RequestType;

/**
 * A request as taken in by a portal form, the API or staff logging a letter or call.
 *
 * @param receivedAt when the company received it; null means now. Staff logging a letter give the day it arrived.
 * @param actor      who entered it, for the timeline
 */
public record NewRequest(RequestType type, Regime regime, SubjectIdentity subject, String details, Channel channel,
                         Instant receivedAt, String actor) {
}
