/**
 * The request timeline: an append-only, hash-chained record of who did what, when, for each request
 * (GDPR Art. 5(2) accountability, CCPA §7101 records). Other modules write to it through {@link org.rightsflow.audit.Timeline}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package org.rightsflow.audit;
