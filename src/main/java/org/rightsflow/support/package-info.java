/**
 * Small helpers every module may use (a shared kernel): hashing and random tokens. Nothing here knows about
 * requests, processes or the web.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Support", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.rightsflow.support;
