package org.rightsflow.support;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where the encrypted files are kept ({@code rightsflow.storage.*}, {@link SealedFiles}, {@link FileStore}).
 *
 * @param kind      {@code database} (the default): in the application's database, readable from every node;
 *                  {@code directory}: files under {@code directory}, which several nodes must share as one volume
 * @param directory with {@code directory}, the folder of the encrypted files (uploads, what connectors found, access
 *                  packages) until they are delivered and deleted: a persistent volume in production
 *                  (RIGHTSFLOW_STORAGE_DIRECTORY). With {@code database}, files an earlier version left there are
 *                  moved into the database at start-up
 */
@Validated
@ConfigurationProperties("rightsflow.storage")
public record StorageProperties(@NotNull Kind kind, @NotNull Path directory) {

    public enum Kind {
        DATABASE, DIRECTORY
    }
}
