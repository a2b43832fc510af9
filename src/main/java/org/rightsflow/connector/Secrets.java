package org.rightsflow.connector;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.rightsflow.support.YamlNode;
import org.springframework.stereotype.Component;

/**
 * Reads secret references in system definitions and resolves them at the moment of use. A plain value where a
 * secret belongs is refused when the definition is read, so a password never enters the registry.
 */
@Component
public class Secrets {

    private final Function<String, String> environment;

    Secrets() {
        this(System::getenv);
    }

    /** For tests: an environment other than the process's. */
    public Secrets(Function<String, String> environment) {
        this.environment = environment;
    }

    /**
     * The secret reference under {@code key} in a definition node, or empty when the key is absent.
     *
     * @throws IllegalArgumentException when the value is not a reference (e.g. a password written in plain text)
     */
    public static Optional<SecretReference> reference(YamlNode node, String key) {
        Object raw = node.raw(key);
        if (raw == null) {
            return Optional.empty();
        }
        if (!(raw instanceof Map<?, ?> map) || map.size() != 1) {
            throw node.error(key, "a secret must be a reference, {env: VARIABLE} or {file: /path/to/file}, never the "
                    + "value itself");
        }
        YamlNode reference = node.node(key);
        reference.allowOnly("env", "file");
        return Optional.of(reference.has("env")
                ? new SecretReference(SecretReference.Source.ENV, reference.string("env"))
                : new SecretReference(SecretReference.Source.FILE, reference.string("file")));
    }

    /**
     * The secret's value.
     *
     * @throws ConnectorException when the variable is unset or the file unreadable; the message names the reference,
     *                            never a value
     */
    public String resolve(SecretReference reference) {
        return switch (reference.source()) {
            case ENV -> {
                String value = environment.apply(reference.name());
                if (value == null) {
                    throw new ConnectorException("Secret " + reference.describe() + ": the environment variable is not set");
                }
                yield value;
            }
            case FILE -> {
                try {
                    yield Files.readString(Path.of(reference.name()), StandardCharsets.UTF_8).strip();
                } catch (IOException e) {
                    throw new ConnectorException("Secret " + reference.describe() + ": the file cannot be read");
                }
            }
        };
    }
}
