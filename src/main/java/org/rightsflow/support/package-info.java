/**
 * Small helpers every module may use (a shared kernel): hashing, random tokens, and encryption of the personal data
 * Rightsflow holds ({@link org.rightsflow.support.DataCipher}, {@link org.rightsflow.support.SealedFiles}). Nothing
 * here knows about requests, processes or the web.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Support", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.rightsflow.support;
