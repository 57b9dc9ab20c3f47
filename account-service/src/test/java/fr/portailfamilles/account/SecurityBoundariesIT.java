package fr.portailfamilles.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** Another family's ids are not found (BOLA), and hostile bodies are refused as problems with nothing stored. */
class SecurityBoundariesIT extends AccountIntegrationTest {

    @Test
    void whenAParentUsesAnotherFamilysChildIdThenTheAnswerIs404WithNoDataAndNothingChanges() {
        String staff = flows.staffToken();
        AccountFlows.ActiveFamily mine = flows.activeFamily(staff);
        AccountFlows.ActiveFamily theirs = flows.activeFamily(staff);
        long consentsBefore = flows.count("SELECT count(*) FROM consent");

        String read = web.get().uri("/api/family/children/{id}", theirs.childId()).header(HttpHeaders.AUTHORIZATION, mine.bearer())
                .exchange().expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(read).doesNotContain("Noé").doesNotContain(theirs.familyId().toString());

        String write = web.put().uri("/api/family/children/{id}", theirs.childId()).header(HttpHeaders.AUTHORIZATION, mine.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(AccountJourneyIT.childForm("Pirate", Map.of("PHOTO", true)))
                .exchange().expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(write).doesNotContain("Noé");

        assertThat(flows.count("SELECT count(*) FROM consent")).isEqualTo(consentsBefore);
        assertThat(flows.count("SELECT count(*) FROM child WHERE first_name = 'Pirate'")).isZero();
        web.get().uri("/api/family/children/{id}", theirs.childId()).header(HttpHeaders.AUTHORIZATION, theirs.bearer())
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.firstName").isEqualTo("Noé");

        // The family itself is never addressed by id on parent routes, and staff routes are closed to parents.
        web.get().uri("/api/admin/families/{id}", theirs.familyId()).header(HttpHeaders.AUTHORIZATION, mine.bearer())
                .exchange().expectStatus().isForbidden().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        web.get().uri("/api/admin/account-requests").header(HttpHeaders.AUTHORIZATION, mine.bearer())
                .exchange().expectStatus().isForbidden();
        web.get().uri("/api/family").header(HttpHeaders.AUTHORIZATION, mine.bearer()).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.id").isEqualTo(mine.familyId().toString());
    }

    @Test
    void whenTheBodyIsHostileThenAProblemComesBackAndNothingIsStored() {
        String staff = flows.staffToken();
        AccountFlows.ActiveFamily family = flows.activeFamily(staff);
        String childUri = "/api/family/children/" + family.childId();
        long childrenBefore = flows.count("SELECT count(*) FROM child");
        long consentsBefore = flows.count("SELECT count(*) FROM consent");
        long outboxBefore = flows.count("SELECT count(*) FROM messaging.outbox_event");

        Map<String, Object> valid = AccountJourneyIT.childForm("Noé", Map.of("PHOTO", true));
        Map<String, Object> scriptInName = new HashMap<>(valid);
        scriptInName.put("firstName", "<script>alert(1)</script>");
        Map<String, Object> scriptInNotes = new HashMap<>(valid);
        scriptInNotes.put("healthNotes", "<img src=x onerror=alert(1)>");
        Map<String, Object> oversize = new HashMap<>(valid);
        oversize.put("healthNotes", "a".repeat(2001));
        Map<String, Object> unknownField = new HashMap<>(valid);
        unknownField.put("familyId", family.familyId().toString());
        Map<String, Object> unknownAuthorization = new HashMap<>(valid);
        unknownAuthorization.put("authorizations", Map.of("EVERYTHING", true));
        Map<String, Object> tooManyPickups = new HashMap<>(valid);
        tooManyPickups.put("authorizedPickups", java.util.Collections.nCopies(11,
                Map.of("name", "Paul Roux", "relationship", "voisin", "phone", "06 00 00 00 03")));

        List<Object> bodies = List.of("{\"firstName\": ", "[1, 2]", "{\"firstName\": \"Noé\", \"birthDate\": 123}",
                "{\"firstName\": {\"$ne\": null}}", scriptInName, scriptInNotes, oversize, unknownField, unknownAuthorization,
                tooManyPickups);
        for (Object body : bodies) {
            for (String method : List.of("PUT", "POST")) {
                String uri = method.equals("PUT") ? childUri : "/api/family/children";
                web.method(org.springframework.http.HttpMethod.valueOf(method)).uri(uri)
                        .header(HttpHeaders.AUTHORIZATION, family.bearer())
                        .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                        .exchange()
                        .expectStatus().isBadRequest()
                        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .expectBody().jsonPath("$.type").exists();
            }
        }
        web.put().uri("/api/family").header(HttpHeaders.AUTHORIZATION, family.bearer()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("address", "<script>", "postalCode", "5110", "town", "Reims1", "parents", List.of(),
                        "consents", Map.of()))
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.violations").isArray();

        assertThat(flows.count("SELECT count(*) FROM child")).isEqualTo(childrenBefore);
        assertThat(flows.count("SELECT count(*) FROM consent")).isEqualTo(consentsBefore);
        assertThat(flows.count("SELECT count(*) FROM messaging.outbox_event")).isEqualTo(outboxBefore);
        web.get().uri(childUri).header(HttpHeaders.AUTHORIZATION, family.bearer()).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.firstName").isEqualTo("Noé").jsonPath("$.healthNotes").doesNotExist();
    }
}
