/**
 * What the controller keeps and publishes about its processing as a whole, never about one person: the request
 * metrics of CCPA §7102 ({@link org.rightsflow.reporting.RequestFigures}, counted by
 * {@link org.rightsflow.reporting.RequestMetrics}), the public transparency figures drawn from them
 * ({@link org.rightsflow.reporting.Transparency}), and the record of processing activities of GDPR Art. 30 built from
 * the registry of connected systems ({@link org.rightsflow.reporting.ProcessingRecords}). The web pages live in
 * {@code staff} and {@code portal}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reporting")
package org.rightsflow.reporting;
