/**
 * Small helpers every module may use (a shared kernel): hashing, random tokens, and encryption of the personal data
 * Rightsflow holds ({@link org.rightsflow.support.FieldCipher}, {@link org.rightsflow.support.DataCipher},
 * {@link org.rightsflow.support.SealedFiles}), strict reading of YAML and binding of documents into records
 * ({@link org.rightsflow.support.YamlTree}, {@link org.rightsflow.support.StrictBinding}, with the constraints
 * {@link org.rightsflow.support.Text} and {@link org.rightsflow.support.RequiredText}), retries of lock conflicts
 * ({@link org.rightsflow.support.LockConflicts}), the one limit on notes staff write for the record
 * ({@link org.rightsflow.support.StaffNote}), and the frame of the Flyway migrations that seal data an earlier
 * version kept in clear ({@link org.rightsflow.support.SealingMigration}), and CSV files for spreadsheets with
 * formulas defused ({@link org.rightsflow.support.SpreadsheetCsv}), and the one interface through which every module
 * removes what it keeps about a request when its retention period has passed
 * ({@link org.rightsflow.support.RetainedRecords}). Nothing here knows about requests, processes or
 * the web.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Support", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.rightsflow.support;
