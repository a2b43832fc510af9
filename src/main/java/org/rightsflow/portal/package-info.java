/**
 * The privacy center: the public pages where a person learns their rights, submits a request, confirms it from
 * the emailed link and follows it by its secret status link. No account, no personal data in URLs.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Privacy center")
package org.rightsflow.portal;
