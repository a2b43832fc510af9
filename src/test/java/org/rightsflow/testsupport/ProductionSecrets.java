package org.rightsflow.testsupport;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Secrets as strong as the postgres profile demands (ProductionSafetyCheck: 32 random bytes, each used once), for every
 * test that starts the application on that profile. Made with {@code openssl rand -base64 32}; test values only.
 */
public final class ProductionSecrets {

    public static final String API_KEY = "qwTKihJuFxWzITtMoa5AVNq0NALFyUTWDF1j1Hn2hfg=";
    public static final String LINK_KEY = "711QPqQNid7vUsgtb6SLOKRbRjI6+ZQ2Daf++4KMa/Q=";
    public static final String ERASURE_HASH_KEY = "hMtsK37bOB0WjjGCnxajAwfY7ykMKH+BvGsh8Vy7kUY=";
    public static final String SUPPRESSION_KEY = "3i1lwigNyFUwGN6L52Ny/BVXyMe/K8n2sRLKU5778vY=";
    public static final String DATA_KEYS = "pg-test-2=HiJCnq2KGN6TlkavmvuBiWoTGQA2MQ2JN7ZJtmnxpdg=";

    private ProductionSecrets() {
    }

    /** The settings, with one API key named {@code ci} holding the scopes given (e.g. "submit+optouts+read-own"). */
    public static Map<String, String> properties(String apiKeyScopes) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("rightsflow.api.keys", "ci:" + apiKeyScopes + "=" + API_KEY);
        properties.put("rightsflow.secrets.link-key", LINK_KEY);
        properties.put("rightsflow.secrets.data-keys", DATA_KEYS);
        properties.put("rightsflow.secrets.erasure-hash-key", ERASURE_HASH_KEY);
        properties.put("rightsflow.secrets.suppression-key", SUPPRESSION_KEY);
        return properties;
    }
}
