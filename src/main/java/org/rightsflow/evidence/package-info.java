/**
 * Evidence packs: one request's, or a period's, record of what was done, when and by whom (the timeline with its
 * hash-chain check, each system's steps with dry runs and proofs of erasure, the messages sent, the decisions and
 * the deadlines), as a zip with a {@code sha256sum} manifest signed with Ed25519, so that someone outside Rightsflow
 * can check with standard tools that nothing was changed after it was issued.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Evidence packs")
package org.rightsflow.evidence;
