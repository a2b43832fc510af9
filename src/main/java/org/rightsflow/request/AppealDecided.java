package org.rightsflow.request;

/** Published, in the transaction that recorded it, when an appeal is decided: the subject is told. */
public record AppealDecided(String reference) {
}
