/**
 * Small helpers every module may use (a shared kernel): hashing, random tokens, and encryption of the personal data
 * Rightsflow holds ({@link org.rightsflow.support.DataCipher}, {@link org.rightsflow.support.SealedFiles}), strict
 * reading of YAML and binding of documents into records ({@link org.rightsflow.support.YamlNode},
 * {@link org.rightsflow.support.StrictBinding}, and {@link org.rightsflow.support.YamlTree} with its constraints
 * {@link org.rightsflow.support.Text} and {@link org.rightsflow.support.RequiredText}), and retries of lock conflicts
 * ({@link org.rightsflow.support.LockConflicts}). Nothing
 * here knows about requests, processes or the web.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Support", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.rightsflow.support;
