/**
 * Records retention (CCPA §7101: records of requests kept for at least 24 months; GDPR Art. 5(1)(e): no longer than
 * needed): which closed requests have been kept for their law's period ({@link org.rightsflow.retention.RetentionPolicy}),
 * and the purge that removes them from every module ({@link org.rightsflow.support.RetainedRecords}), Camunda's
 * history and the files left included, logging counts only ({@link org.rightsflow.retention.RecordsPurge}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Records retention")
package org.rightsflow.retention;
