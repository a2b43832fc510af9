/**
 * Who may do what: staff accounts with roles and groups and which tasks each person sees, works on and releases
 * ({@link org.rightsflow.security.StaffMember}), the form login of the staff inbox and its OpenID Connect single sign-on
 * (docs/sso.md), API keys for the JSON API, HTTP
 * Basic for Camunda's REST API, and the guard that keeps demo secrets out of production.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Security")
package org.rightsflow.security;
