/**
 * Opt-outs of sale and sharing, limits on the use of sensitive data, and the choices a subject makes in the
 * preference center: an append-only consent ledger with the current state per subject and purpose, propagation to
 * the connected systems in batches, and the suppression list that guards erased and opted-out people against
 * reappearing in a system. People are known here only by a keyed hash of their email, except while an opt-out waits
 * to reach the systems.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Opt-outs and consent")
package org.rightsflow.optout;
