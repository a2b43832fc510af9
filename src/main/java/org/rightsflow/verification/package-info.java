/**
 * Identity verification: one-time, expiring links emailed to the subject. Publishes
 * {@link org.rightsflow.verification.IdentityVerified} when a link is confirmed.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Verification")
package org.rightsflow.verification;
