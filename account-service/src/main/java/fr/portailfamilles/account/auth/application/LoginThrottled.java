package fr.portailfamilles.account.auth.application;

import java.time.Duration;

import org.springframework.http.HttpStatus;

import fr.portailfamilles.platform.web.ProblemException;

/** Too many failed logins lately for this account or this address; says when to try again. */
public class LoginThrottled extends ProblemException {

    public LoginThrottled(Duration retryAfter) {
        super(HttpStatus.TOO_MANY_REQUESTS, "too-many-login-attempts", "Trop de tentatives",
                "Trop de tentatives de connexion échouées. Réessayez dans " + minutes(retryAfter)
                        + ", ou utilisez « Mot de passe oublié ».");
        with("retryAfterSeconds", retryAfter.toSeconds());
        retryAfter(retryAfter);
    }

    private static String minutes(Duration wait) {
        long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
        return minutes == 1 ? "1 minute" : minutes + " minutes";
    }
}
