package org.rightsflow.request;

import java.time.LocalDate;

/** Published, in the transaction that recorded it, when a subject appeals: the appeal process starts. */
public record AppealLodged(String reference, LocalDate dueOn) {
}
