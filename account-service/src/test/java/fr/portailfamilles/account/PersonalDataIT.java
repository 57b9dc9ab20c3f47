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
