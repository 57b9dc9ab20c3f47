package fr.portailfamilles.notification.mail.domain;

import java.util.Map;

/**
 * An e-mail to render and send: {@code template} names {@code templates/mail/<template>.html} and
 * {@code .txt}; {@code eventId} ties it to the event that caused it.
 */
public record Mail(String eventId, String recipient, String subject, String template, Map<String, Object> model) {
}
