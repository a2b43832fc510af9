package org.rightsflow.support;

import java.time.Instant;

/**
 * A file {@link SealedFiles} has stored completely. Callers keep this in their own tables: the file itself carries
 * no name, media type or owner.
 *
 * @param id        the file's id for {@link SealedFiles#open}, {@link SealedFiles#delete} and
 *                  {@link SealedFiles#exists}: {@code kind/random hex}, also its path below the storage directory
 * @param size      plain text bytes (the file on disk is slightly larger)
 * @param keyId     the data key it was encrypted under, to find files still needing a key before retiring it
 * @param createdAt when it was sealed
 */
public record SealedFile(String id, long size, String keyId, Instant createdAt) {
}
