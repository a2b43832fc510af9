package org.rightsflow.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may call the JSON API ({@code rightsflow.api.*}).
 *
 * @param keys the API keys, comma-separated {@code name:scope+scope=secret} entries (README, "Configuration");
 *             parsed and checked by {@link ApiKeys}; empty: no key opens the API (RIGHTSFLOW_API_KEYS)
 */
@ConfigurationProperties("rightsflow.api")
record ApiProperties(String keys) {

    ApiProperties {
        keys = keys == null ? "" : keys;
    }

    /** Never the value: it holds the secrets. */
    @Override
    public String toString() {
        return "ApiProperties[keys hidden]";
    }
}
