package org.rightsflow.support;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where the encrypted files are kept ({@code rightsflow.storage.*}, {@link SealedFiles}).
 *
 * @param directory the folder of the encrypted files (uploads, what connectors found, access packages) until they are
 *                  delivered and deleted; in production a persistent volume (RIGHTSFLOW_STORAGE_DIRECTORY)
 */
@Validated
@ConfigurationProperties("rightsflow.storage")
public record StorageProperties(@NotNull Path directory) {
}
