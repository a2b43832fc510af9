package org.rightsflow.access;

import java.time.Instant;
import java.util.Locale;
import org.rightsflow.support.Languages;

/**
 * An access package as the portal, the staff pages and the emails show it.
 *
 * @param sha256     of the zip as sealed, so the subject or an auditor can check that a file is the one delivered
 * @param reviewedBy who reviewed it before release; null when it was released without a review
 */
public record PackageView(String reference, PackageStatus status, long sizeBytes, int fileCount, String sha256,
                          String reviewedBy, Instant createdAt, Instant expiresAt, Instant deletedAt) {

    /** The size as people read it: 840 KB, 12.4 MB. */
    public String readableSize() {
        // In the reader's language: "2.4 MB", "2,4 MB".
        Locale language = Languages.current();
        if (sizeBytes < 1024 * 1024) {
            return String.format(language, "%d KB", Math.max(1, Math.round(sizeBytes / 1024.0)));
        }
        return String.format(language, "%.1f MB", sizeBytes / (1024.0 * 1024.0));
    }

    /** The file name the subject's browser saves. */
    public String fileName() {
        return reference + "-your-data.zip";
    }
}
