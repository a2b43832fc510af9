/**
 * Data subject requests: intake, public references, secret status links, statuses and the statutory due date
 * fixed at intake, and appeals against a decision, decided by someone other than who took it. Publishes {@link org.rightsflow.request.RequestSubmitted} and
 * {@link org.rightsflow.request.RequestClosed}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Requests")
package org.rightsflow.request;
