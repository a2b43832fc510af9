/**
 * The staff side: the inbox of fulfilment tasks by due date, the morning digest of what is due within the week,
 * request details with timeline and messages, the connected-systems list and the deadline calculator for requests
 * received by post or phone.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Staff inbox")
package org.rightsflow.staff;
