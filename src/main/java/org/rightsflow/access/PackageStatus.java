package org.rightsflow.access;

/** Where an assembled access package stands. */
public enum PackageStatus {
    /** Sealed in storage; the subject can download it until it expires. */
    READY,
    /** Expired and deleted from storage, with the data gathered for it. */
    DELETED
}
