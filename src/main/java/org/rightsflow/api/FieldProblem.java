package org.rightsflow.api;

/** One invalid field in a 400 problem response: {@code {"field":"subject.email","message":"…"}}. */
record FieldProblem(String field, String message) {
}
