package fr.portailfamilles.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import fr.portailfamilles.events.document.DocumentRejected;
import fr.portailfamilles.testsupport.TestTokens;

class MessagesIT extends NotificationIntegrationTest {

    @Test
    void aParentSeesOnlyTheirFamilysMessagesNewestFirstAndCannotTouchAnotherFamilysMessage() {
        SampleEvents ours = SampleEvents.forNewFamily();
        SampleEvents theirs = SampleEvents.forNewFamily();
        register(ours);
        register(theirs);
        events.publish(rejected(ours, "Pages illisibles"));
        events.publish(rejected(ours, "Document périmé"));
        events.publish(rejected(theirs, "Nom de l'enfant absent"));
        await().atMost(Duration.ofSeconds(120)).until(() -> count("SELECT count(*) AS n FROM message WHERE family_id = :v", ours.familyId()) == 2
                && count("SELECT count(*) AS n FROM message WHERE family_id = :v", theirs.familyId()) == 1);
        String token = TestTokens.parent(ours.familyId());

        http.get().uri("/api/messages").header("Authorization", "Bearer " + token)
                .exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.total").isEqualTo(2)
                .jsonPath("$.unread").isEqualTo(2)
                .jsonPath("$.items.length()").isEqualTo(2)
                .jsonPath("$.items[0].body").value(body -> assertThat((String) body).contains("Document périmé").contains("Bonjour Léa et Hugo"))
                .jsonPath("$.items[1].body").value(body -> assertThat((String) body).contains("Pages illisibles"))
                .jsonPath("$.items[*].familyId").value(ids -> assertThat(ids.toString()).doesNotContain(theirs.familyId().toString()))
                .jsonPath("$.items[0].readAt").isEmpty();

        UUID theirMessage = database.sql("SELECT id FROM message WHERE family_id = :f").bind("f", theirs.familyId())
                .map(row -> row.get("id", UUID.class)).one().block();
        http.post().uri("/api/messages/{id}/read", theirMessage).header("Authorization", "Bearer " + token)
                .exchange().expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(count("SELECT count(*) AS n FROM message WHERE id = :v AND read_at IS NULL", theirMessage)).isEqualTo(1);

        UUID ourNewest = database.sql("SELECT id FROM message WHERE family_id = :f ORDER BY created_at DESC, id DESC LIMIT 1")
                .bind("f", ours.familyId()).map(row -> row.get("id", UUID.class)).one().block();
        http.post().uri("/api/messages/{id}/read", ourNewest).header("Authorization", "Bearer " + token)
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.readAt").exists();
        http.get().uri("/api/messages?page=0&size=1").header("Authorization", "Bearer " + token)
                .exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.unread").isEqualTo(1)
                .jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].id").isEqualTo(ourNewest.toString());
    }

    @Test
    void messagesNeedALogin() {
        http.get().uri("/api/messages").exchange().expectStatus().isUnauthorized();
    }

    private static DocumentRejected rejected(SampleEvents family, String reason) {
        return new DocumentRejected(UUID.randomUUID(), family.familyId(), family.emma(), "VACCINATIONS_ALSH",
                "Carnet de vaccinations", reason, Instant.now());
    }
}
