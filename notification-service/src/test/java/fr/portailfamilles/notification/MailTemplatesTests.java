package fr.portailfamilles.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import fr.portailfamilles.events.IntegrationEvent;
import fr.portailfamilles.notification.config.MailTemplateConfiguration;
import fr.portailfamilles.notification.family.domain.FamilyContact;
import fr.portailfamilles.notification.mail.application.MailRenderer;
import fr.portailfamilles.notification.mail.application.MailRenderer.RenderedMail;
import fr.portailfamilles.notification.notification.application.NotificationCatalog;
import fr.portailfamilles.notification.notification.application.NotificationMapping;

class MailTemplatesTests {

    private final MailRenderer renderer = new MailRenderer(MailTemplateConfiguration.templateEngine(), "https://portail.example");
    private final SampleEvents samples = SampleEvents.forNewFamily();
    private final FamilyContact family = new FamilyContact(samples.familyId(), "Bernard", samples.family().parents(),
            samples.family().children());

    @Test
    void everyNotificationRendersInFrenchHtmlAndTextWithItsKeyLines() {
        Map<IntegrationEvent, List<String>> all = samples.all();
        assertThat(all.keySet()).extracting(Object::getClass).containsExactlyInAnyOrderElementsOf(
                NotificationCatalog.ALL.stream().map(NotificationMapping::type).toList());
        all.forEach((event, lines) -> {
            RenderedMail mail = render(mapping(event), event);
            assertThat(mail.text()).as(mail.subject()).contains(lines).contains("https://portail.example")
                    .contains("Le service Portail-familles").doesNotContain("[(").doesNotContain("th:");
            assertThat(mail.html()).as(mail.subject()).contains("<html lang=\"fr\"").contains("https://portail.example")
                    .doesNotContain("th:");
            String shown = mail.html().replaceAll("<[^>]+>", "").replace("&#39;", "'").replaceAll("\\s+", " ");
            assertThat(shown + " " + mail.html()).as(mail.subject()).contains(lines);
        });
    }

    @Test
    void htmlEscapesWhatFamiliesAndStaffTyped() {
        var rejected = new fr.portailfamilles.events.account.AccountRequestRejected(java.util.UUID.randomUUID(),
                "a@exemple.fr", "<b>Léa</b>", "<script>alert(1)</script>", java.time.Instant.now());
        RenderedMail mail = render(mapping(rejected), rejected);
        assertThat(mail.html()).doesNotContain("<script>").contains("&lt;script&gt;").contains("&lt;b&gt;L");
    }

    @Test
    void aDossierThatBecameIncompleteSendsNothing() {
        var incomplete = new fr.portailfamilles.events.document.DossierCompletenessChanged(samples.familyId(), null, "ALSH",
                false, List.of("AVIS_IMPOSITION"), java.time.Instant.now());
        assertThat(mapping(incomplete).when().test(incomplete)).isFalse();
    }

    @SuppressWarnings("unchecked")
    private <E extends IntegrationEvent> NotificationMapping<E> mapping(E event) {
        return (NotificationMapping<E>) NotificationCatalog.ALL.stream().filter(m -> m.type().equals(event.getClass()))
                .findFirst().orElseThrow();
    }

    private <E extends IntegrationEvent> RenderedMail render(NotificationMapping<E> mapping, E event) {
        Map<String, Object> model = new HashMap<>(mapping.model().apply(event, family));
        String firstName = mapping.audience().apply(event).firstName();
        model.put("firstName", firstName == null ? "Léa" : firstName);
        model.putIfAbsent("familyName", "Bernard");
        return renderer.render(mapping.template(), mapping.subject().apply(event), model);
    }
}
