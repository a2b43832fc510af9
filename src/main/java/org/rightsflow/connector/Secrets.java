package org.rightsflow.connector;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.rightsflow.support.Text;
import org.rightsflow.support.YamlTree;
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

    /** {@code {env: VARIABLE}} or {@code {file: /path/to/file}}; that it names exactly one is checked before. */
    private record ReferenceYaml(@Text String env, @Text String file) {
    }

    /**
     * The secret reference written at {@code node} in a definition, or empty when nothing is written there. The
     * value is never bound as text, so that no message can quote a secret written in plain text.
     *
     * @throws IllegalArgumentException when the value is not a reference (e.g. a password written in plain text)
     */
    public static Optional<SecretReference> reference(YamlTree node) {
        if (!node.isPresent()) {
            return Optional.empty();
        }
        if (!(node.value() instanceof Map<?, ?> map) || map.size() != 1) {
            throw node.error("a secret must be a reference, {env: VARIABLE} or {file: /path/to/file}, never the "
                    + "value itself");
        }
        ReferenceYaml reference = node.bind(ReferenceYaml.class);
        if (reference.env() == null && reference.file() == null) {
            throw node.error("a secret must be a reference, {env: VARIABLE} or {file: /path/to/file}");
        }
        return Optional.of(reference.env() != null
                ? new SecretReference(SecretReference.Source.ENV, reference.env().strip())
                : new SecretReference(SecretReference.Source.FILE, reference.file().strip()));
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
