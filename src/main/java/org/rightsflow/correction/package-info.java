/**
 * Correction claims: what a subject says is wrong and should be, and the privacy officer's decision on each field
 * after checking the claim with other data (CCPA §7061, GDPR Art. 16). Only accepted corrections reach the
 * connected systems.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Corrections")
package org.rightsflow.correction;
