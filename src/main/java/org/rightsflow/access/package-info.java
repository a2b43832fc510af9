/**
 * The answer to an access or portability request: a zip assembled as a stream from what each system returned (one
 * JSON document per system, a CSV file per table, the files staff attached, and a plain-language summary with the
 * GDPR Art. 15 information), sealed at rest, optionally reviewed by staff before release, delivered on the status
 * page after an emailed one-time code, and deleted when its link expires.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Access packages")
package org.rightsflow.access;
