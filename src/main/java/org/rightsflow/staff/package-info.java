/**
 * The staff side: the inbox of fulfilment tasks by due date, the morning digest of what is due within the week,
 * request details with timeline and messages (a reduced page for system owners), the review of access packages,
 * opt-out batches, incidents, the connected-systems list with import and editing, holiday calendars, the CCPA
 * §7102 records, and the deadline calculator for requests received by post or phone.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Staff inbox")
package org.rightsflow.staff;
