package fr.portailfamilles.account.auth.application;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import fr.portailfamilles.platform.web.ProblemException;

/**
 * What a new password must satisfy: at least 12 characters, at most 72 bytes (the limit bcrypt set, kept: one rule for accounts of before and after Argon2id),
 * and not in the bundled list of common passwords (compared case-insensitively).
 */
@Component
public class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    private static final int MAX_BYTES = 72;

    private final Set<String> common;

    public PasswordPolicy() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new ClassPathResource("common-passwords.txt").getInputStream(), StandardCharsets.UTF_8))) {
            common = reader.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    public void check(String password, String email) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw weak("Le mot de passe doit compter au moins " + MIN_LENGTH + " caractères.");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw weak("Le mot de passe est trop long (72 octets au plus, soit environ 70 caractères sans accent).");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (common.contains(lower) || (email != null && lower.equals(email.toLowerCase(Locale.ROOT)))) {
            throw weak("Ce mot de passe est trop courant et facile à deviner. Choisissez-en un autre, par exemple une phrase de plusieurs mots.");
        }
    }

    public int size() {
        return common.size();
    }

    private static ProblemException weak(String detail) {
        return ProblemException.invalid("weak-password", detail);
    }
}
