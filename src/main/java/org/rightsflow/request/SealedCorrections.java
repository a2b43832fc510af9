package org.rightsflow.request;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.rightsflow.support.DataCipher;
import org.springframework.stereotype.Component;

/**
 * Keeps the values of a correction request encrypted at rest: they are personal data the subject says is right,
 * and nobody checked them yet. Sealed as JSON under the current data key, whose id is stored beside it.
 */
@Component
class SealedCorrections {

    private static final TypeReference<LinkedHashMap<String, String>> FIELDS = new TypeReference<>() {
    };

    /** The encrypted claim and the id of the key that sealed it. */
    record Sealed(String keyId, String text) {
    }

    private final DataCipher cipher;
    private final ObjectMapper json;

    SealedCorrections(DataCipher cipher, ObjectMapper json) {
        this.cipher = cipher;
        this.json = json;
    }

    Sealed seal(Map<String, String> corrections) {
        if (corrections.isEmpty()) {
            return null;
        }
        try {
            return new Sealed(cipher.currentKeyId(), cipher.encrypt(json.writeValueAsBytes(corrections)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A map of strings always serialises", e);
        }
    }

    Map<String, String> open(Sealed sealed) {
        if (sealed == null) {
            return Map.of();
        }
        try {
            return json.readValue(cipher.decrypt(sealed.keyId(), sealed.text()), FIELDS);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("The sealed corrections are not the JSON they were written as", e);
        }
    }
}
