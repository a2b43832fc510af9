package org.rightsflow.request;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.rightsflow.deadline.Regime;
import org.rightsflow.deadline.RequestType;
import org.rightsflow.support.Languages;

/**
 * A request as taken in by a portal form, the API or staff logging a letter or call.
 *
 * @param receivedAt  when the company received it; null means now. Staff logging a letter give the day it arrived.
 * @param actor       who entered it, for the timeline
 * @param corrections for a correction request: the field the subject says is wrong → what it should be, in the
 *                    order given; empty for every other type
 * @param submittedByApiKey the name of the API key that submitted it, which may read it back; null otherwise
 * @param language    the language the subject reads: every message to them is written in it (support.Languages)
 */
public record NewRequest(RequestType type, Regime regime, SubjectIdentity subject, String details, Channel channel,
                         Instant receivedAt, String actor, Map<String, String> corrections, String submittedByApiKey,
                         Locale language) {

    public NewRequest {
        corrections = corrections == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(corrections));
        language = Languages.closest(language);
    }

    /** A request in English, unless {@link #inLanguage} says otherwise. */
    public NewRequest(RequestType type, Regime regime, SubjectIdentity subject, String details, Channel channel,
                      Instant receivedAt, String actor, Map<String, String> corrections, String submittedByApiKey) {
        this(type, regime, subject, details, channel, receivedAt, actor, corrections, submittedByApiKey,
                Languages.ENGLISH);
    }

    /** The same request, answered in {@code language} (every later message to the subject uses it). */
    public NewRequest inLanguage(Locale language) {
        return new NewRequest(type, regime, subject, details, channel, receivedAt, actor, corrections,
                submittedByApiKey, language);
    }

    /** A request entered by someone other than an API key: a form, staff. */
    public NewRequest(RequestType type, Regime regime, SubjectIdentity subject, String details, Channel channel,
                      Instant receivedAt, String actor, Map<String, String> corrections) {
        this(type, regime, subject, details, channel, receivedAt, actor, corrections, null);
    }

    /** A request that asks for no correction. */
    public NewRequest(RequestType type, Regime regime, SubjectIdentity subject, String details, Channel channel,
                      Instant receivedAt, String actor) {
        this(type, regime, subject, details, channel, receivedAt, actor, Map.of());
    }

    @Override
    public String toString() {
        return "NewRequest[" + type + ", " + regime + ", " + channel + "]";
    }
}
