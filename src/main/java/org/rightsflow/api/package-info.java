/**
 * The JSON API (/api/v1), one scope per door of each API key: submit a request, read a request's status, timeline
 * and messages, record opt-outs in bulk (JSON or CSV), check addresses against the suppression list, receive
 * connector callbacks, and compute statutory deadlines. Errors are RFC 7807 problem details.
 */
@org.springframework.modulith.ApplicationModule(displayName = "JSON API")
package org.rightsflow.api;
