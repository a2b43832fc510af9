/**
 * Small helpers every module may use (a shared kernel): hashing, random tokens, and encryption of the personal data
 * Rightsflow holds ({@link org.rightsflow.support.DataCipher}, {@link org.rightsflow.support.SealedFiles}), strict
 * reading of YAML and binding of documents into records ({@link org.rightsflow.support.YamlNode},
 * {@link org.rightsflow.support.StrictBinding}), and retries of lock conflicts
 * ({@link org.rightsflow.support.LockConflicts}), and CSV files for spreadsheets with formulas defused
 * ({@link org.rightsflow.support.SpreadsheetCsv}). Nothing
 * here knows about requests, processes or the web.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Support", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.rightsflow.support;
