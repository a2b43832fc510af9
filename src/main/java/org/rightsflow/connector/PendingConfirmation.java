package org.rightsflow.connector;

/** What a processor sees behind its confirmation link: which request, which action, and whether it already answered. */
public record PendingConfirmation(String reference, String systemName, ConnectorAction action, boolean alreadyConfirmed) {
}
