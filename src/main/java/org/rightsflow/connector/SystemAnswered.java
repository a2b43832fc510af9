package org.rightsflow.connector;

/**
 * A system answered later: an http system's callback arrived, or a processor confirmed from its link. Published in
 * the receiving transaction; the workflow resumes the waiting process instance with the outcome.
 *
 * @param outcome     DONE or NO_DATA_FOUND for an answer, NOT_DONE when the system says it could not act
 * @param summary     plain words for the answer to the subject
 * @param answeredBy  who answered, for the timeline ("Processor privacy@agency.example", "System crm")
 */
public record SystemAnswered(String processInstanceId, String reference, long systemId, SystemOutcome outcome,
                             String summary, String answeredBy) {
}
