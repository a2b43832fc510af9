/**
 * The JSON API (/api/v1): submit a request with an API key, read a request's status, timeline and messages,
 * and compute statutory deadlines. Errors are RFC 7807 problem details.
 */
@org.springframework.modulith.ApplicationModule(displayName = "JSON API")
package org.rightsflow.api;
