package org.rightsflow.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a staff password must be, wherever one is set (the set-password page, the bootstrap admin): at least
 * {@value #MIN_LENGTH} characters, not containing the user name, and not a commonly used password. The common
 * passwords are {@code security/common-passwords.txt} (its header says where the list comes from); a password is
 * one of them when, in lower case, it is on the list, or it is a listed word with only digits and punctuation put
 * around it, or a listed word repeated ("Password1234!", "qwertyqwerty"): the usual ways of stretching a short
 * common password to the required length.
 */
final class PasswordRules {

    static final int MIN_LENGTH = 12;
    /** Longer than any password manager's default, short enough that hashing it costs nothing unusual. */
    static final int MAX_LENGTH = 128;
    private static final String LIST = "security/common-passwords.txt";
    /** Shorter listed words ("abc", "1") would refuse half of all good passwords when found around digits. */
    private static final int MIN_LISTED_CORE = 4;

    private static final PasswordRules STANDARD = new PasswordRules(load());

    private final Set<String> common;

    PasswordRules(Set<String> common) {
        this.common = common;
    }

    static PasswordRules standard() {
        return STANDARD;
    }

    /** Why the password may not be used, in words for the person choosing it; empty when it may. */
    List<String> problems(String username, String password) {
        List<String> problems = new ArrayList<>();
        String value = password == null ? "" : password;
        if (value.codePointCount(0, value.length()) < MIN_LENGTH) {
            problems.add("It is shorter than " + MIN_LENGTH + " characters.");
        }
        if (value.length() > MAX_LENGTH) {
            problems.add("It is longer than " + MAX_LENGTH + " characters.");
        }
        String lower = value.toLowerCase(Locale.ROOT);
        if (username != null && !username.isBlank() && lower.contains(username.toLowerCase(Locale.ROOT))) {
            problems.add("It contains your user name.");
        }
        if (isCommon(lower)) {
            problems.add("It is on a list of commonly used passwords, or is one with digits or symbols added.");
        }
        return problems;
    }

    boolean isCommon(String lower) {
        if (common.contains(lower)) {
            return true;
        }
        String core = lower.replaceAll("^[\\p{Punct}\\p{N}\\s]+", "").replaceAll("[\\p{Punct}\\p{N}\\s]+$", "");
        if (core.length() < MIN_LISTED_CORE) {
            return false;
        }
        if (common.contains(core)) {
            return true;
        }
        for (int size = MIN_LISTED_CORE; size <= core.length() / 2; size++) {
            if (core.length() % size == 0 && core.equals(core.substring(0, size).repeat(core.length() / size))
                    && common.contains(core.substring(0, size))) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> load() {
        try (InputStream in = PasswordRules.class.getClassLoader().getResourceAsStream(LIST)) {
            if (in == null) {
                throw new IllegalStateException(LIST + " is missing from the application");
            }
            Set<String> words = new HashSet<>();
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .forEach(line -> words.add(line.strip().toLowerCase(Locale.ROOT)));
            return Set.copyOf(words);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
