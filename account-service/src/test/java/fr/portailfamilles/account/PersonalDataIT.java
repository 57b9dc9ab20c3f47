package fr.portailfamilles.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import fr.portailfamilles.events.Topics;
import tools.jackson.databind.JsonNode;

/** Right of access (export), staff access audit, anonymisation keeping what billing needs. */
class PersonalDataIT extends AccountIntegrationTest {

    @Test
    void whenAParentExportsThenTheFamilyAndFullChildRecordsComeBackAsAJsonAttachment() {
        AccountFlows.ActiveFamily family = flows.activeFamily(flows.staffToken());

        JsonNode export = AccountFlows.json(web.get().uri("/api/family/export").header(HttpHeaders.AUTHORIZATION, family.bearer())
                .exchange().expectStatus().isOk()
                .expectHeader().value(HttpHeaders.CONTENT_DISPOSITION, value -> assertThat(value).startsWith("attachment"))
                .expectBody(String.class).returnResult().getResponseBody());

        assertThat(export.get("family").get("id").asString()).isEqualTo(family.familyId().toString());
        assertThat(export.get("family").get("parents").get(0).get("email").asString()).isEqualTo(family.email());
        assertThat(export.get("children").get(0).get("firstName").asString()).isEqualTo("Noé");
        assertThat(export.get("children").get(0).has("authorizationHistory")).isTrue();
    }

    @Test
    void whenStaffOpenAChildsRecordThenTheySeeHealthAndPickUpsAndTheReadIsAudited() {
        String staff = flows.staffToken();
        AccountFlows.ActiveFamily family = flows.activeFamily(staff);
        AccountFlows.ActiveFamily other = flows.activeFamily(staff);
        web.put().uri("/api/family/children/{id}", family.childId()).header(HttpHeaders.AUTHORIZATION, family.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(java.util.Map.ofEntries(
                        java.util.Map.entry("firstName", "Noé"), java.util.Map.entry("lastName", "Bernard"),
                        java.util.Map.entry("birthDate", "2018-05-04"), java.util.Map.entry("healthNotes", "Asthme léger."),
                        java.util.Map.entry("allergies", "Arachide"),
                        java.util.Map.entry("authorizedPickups", java.util.List.of(java.util.Map.of("name", "Marie Bernard",
                                "relationship", "tante", "phone", "06 10 20 30 40"))),
                        java.util.Map.entry("emergencyContacts", java.util.List.of()),
                        java.util.Map.entry("authorizations", java.util.Map.of("PHOTO", false, "LEAVE_ALONE", false,
                                "TRANSPORT", true, "EMERGENCY_CARE", true))))
                .exchange().expectStatus().isOk();
        String uri = "/api/admin/families/" + family.familyId() + "/children/" + family.childId();

        JsonNode child = AccountFlows.json(web.get().uri(uri).header(HttpHeaders.AUTHORIZATION, "Bearer " + staff).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
        assertThat(child.get("allergies").asString()).isEqualTo("Arachide");
        assertThat(child.get("healthNotes").asString()).isEqualTo("Asthme léger.");
        assertThat(child.get("authorizedPickups").get(0).get("name").asString()).isEqualTo("Marie Bernard");

        web.get().uri(uri).header(HttpHeaders.AUTHORIZATION, family.bearer()).exchange().expectStatus().isForbidden();
        web.get().uri("/api/admin/families/" + other.familyId() + "/children/" + family.childId())
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + staff).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode audit = AccountFlows.json(web.get().uri("/api/admin/families/" + family.familyId() + "/audit")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + staff).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
        assertThat(audit.findValuesAsString("action")).containsExactly("CHILD_READ");
    }

    @Test
    void whenStaffReadAndAnAdministratorAnonymisesAFamilyThenItIsAuditedAndOnlyWhatBillingNeedsRemains() {
        String staff = flows.staffToken();
        String admin = flows.adminToken();
        AccountFlows.ActiveFamily family = flows.activeFamily(staff);
        String uri = "/api/admin/families/" + family.familyId();

        web.get().uri(uri).header(HttpHeaders.AUTHORIZATION, "Bearer " + staff).exchange().expectStatus().isOk();
        web.post().uri(uri + "/anonymisation").header(HttpHeaders.AUTHORIZATION, "Bearer " + staff).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://portail-familles.fr/problems/admin-only");
        web.post().uri(uri + "/anonymisation").header(HttpHeaders.AUTHORIZATION, family.bearer()).exchange()
                .expectStatus().isForbidden();
        assertThat(flows.count("SELECT count(*) FROM family WHERE id = '" + family.familyId() + "' AND name = 'Anonyme'"))
                .as("staff without ADMIN changed nothing").isZero();
        JsonNode anonymised = AccountFlows.json(web.post().uri(uri + "/anonymisation").header(HttpHeaders.AUTHORIZATION, "Bearer " + admin)
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());

        assertThat(anonymised.get("name").asString()).isEqualTo("Anonyme");
        assertThat(anonymised.get("address").asString()).isEmpty();
        assertThat(anonymised.get("postalCode").asString()).as("residency, kept for billing").isEqualTo("51100");
        assertThat(anonymised.toString()).doesNotContain(family.email()).doesNotContain("Noé").doesNotContain("06 12 34 56 78");
        assertThat(flows.count("SELECT count(*) FROM child WHERE family_id = '" + family.familyId() + "' AND birth_date = '2018-05-04'"))
                .as("birth dates stay for age-based prices").isEqualTo(1);
        flows.loginAttempt(family.email(), AccountFlows.PARENT_PASSWORD, AccountFlows.someAddress()).expectStatus().isUnauthorized();

        JsonNode audit = AccountFlows.json(web.get().uri(uri + "/audit").header(HttpHeaders.AUTHORIZATION, "Bearer " + staff).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
        assertThat(audit.findValuesAsString("action")).containsExactly("ANONYMISED", "READ");
        assertThat(audit.get(0).get("actorId").asString()).isNotBlank();

        JsonNode updated = AccountFlows.awaitEvent(Topics.FAMILY, "account.FamilyUpdated.v1", family.familyId().toString(),
                payload -> "Anonyme".equals(payload.get("familyName").asString()));
        assertThat(updated.get("accountActive").asBoolean()).isFalse();
        assertThat(updated.get("parents").get(0).get("email").asString()).endsWith("@anonyme.invalid");
    }
}
