package org.rightsflow.support;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The keys of Rightsflow ({@code rightsflow.secrets.*}), read here once for every module that uses one. The postgres
 * profile takes each from the environment and refuses demo or weak values ({@code security.ProductionSafetyCheck}).
 * An absent key is read as empty; the ones nothing works without stop the start-up when empty.
 *
 * @param linkKey        derives the status-page tokens and keys the hashes of access-package codes and download links;
 *                       changing it breaks every status link already emailed (RIGHTSFLOW_LINK_KEY)
 * @param dataKeys       encrypt the personal data and the files Rightsflow holds until delivery: comma-separated
 *                       {@code id=base64-of-32-bytes}, the first is used for new data, the others still open older
 *                       data; checked by the ciphers that read them (RIGHTSFLOW_DATA_KEYS)
 * @param erasureHashKey the key of the "hash" erasure strategy of sql systems whose connection names no hashKey of its
 *                       own; may be empty when no system uses that strategy (RIGHTSFLOW_ERASURE_HASH_KEY)
 * @param suppressionKey keys the hashes that are all the opt-out ledger and the suppression list keep of a person
 *                       (HMAC-SHA256 of the email); never change it without re-keying those tables
 *                       (RIGHTSFLOW_SUPPRESSION_KEY)
 */
@Validated
@ConfigurationProperties("rightsflow.secrets")
public record SecretsProperties(@NotBlank(message = "must be set (RIGHTSFLOW_LINK_KEY)") String linkKey,
                                String dataKeys,
                                String erasureHashKey,
                                @NotBlank(message = "must be set (RIGHTSFLOW_SUPPRESSION_KEY)") String suppressionKey) {

    public SecretsProperties {
        linkKey = orEmpty(linkKey);
        dataKeys = orEmpty(dataKeys);
        erasureHashKey = orEmpty(erasureHashKey);
        suppressionKey = orEmpty(suppressionKey);
    }

    /** Never the values: a record's own toString would print every key into whatever logs the object. */
    @Override
    public String toString() {
        return "SecretsProperties[values hidden]";
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
