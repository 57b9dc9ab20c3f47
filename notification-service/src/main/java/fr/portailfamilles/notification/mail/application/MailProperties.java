package fr.portailfamilles.notification.mail.application;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotBlank;

/**
 * @param from the sender shown to families
 */
@Validated
@ConfigurationProperties("portail.mail")
public record MailProperties(@NotBlank String from) {
}
