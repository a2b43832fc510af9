package org.rightsflow.request;

/** A freshly minted status-link token, its salt and the hash kept for lookup. */
record StatusToken(String token, String salt, String hash) {

    @Override
    public String toString() {
        return "StatusToken[redacted]";
    }
}
