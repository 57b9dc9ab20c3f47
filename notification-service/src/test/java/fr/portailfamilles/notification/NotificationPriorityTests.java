package fr.portailfamilles.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import fr.portailfamilles.notification.mail.domain.MailPriority;
import fr.portailfamilles.notification.notification.application.NotificationCatalog;
import fr.portailfamilles.notification.notification.application.NotificationMapping;

class NotificationPriorityTests {

    private final Map<String, MailPriority> byTemplate = NotificationCatalog.ALL.stream()
            .collect(Collectors.toMap(NotificationMapping::template, NotificationMapping::priority));

    @Test
    void accountEmailsGoFirstAWaitlistOfferNextAndEverythingElseAfter() {
        assertThat(byTemplate).containsEntry("account-request-received", MailPriority.ACCOUNT)
                .containsEntry("account-request-approved", MailPriority.ACCOUNT)
                .containsEntry("account-request-rejected", MailPriority.ACCOUNT)
                .containsEntry("password-reset-requested", MailPriority.ACCOUNT)
                .containsEntry("password-changed", MailPriority.ACCOUNT)
                .containsEntry("waitlist-offer-made", MailPriority.DEADLINE)
                .containsEntry("booking-placed", MailPriority.BULK)
                .containsEntry("invoice-issued", MailPriority.BULK);
        assertThat(byTemplate.values().stream().filter(MailPriority.ACCOUNT::equals)).hasSize(5);
    }

    @Test
    void theStoredCodeOrdersThePriorities() {
        assertThat(MailPriority.ACCOUNT.code()).isLessThan(MailPriority.DEADLINE.code());
        assertThat(MailPriority.DEADLINE.code()).isLessThan(MailPriority.BULK.code());
        for (MailPriority priority : MailPriority.values()) {
            assertThat(MailPriority.of(priority.code())).isEqualTo(priority);
        }
    }
}
