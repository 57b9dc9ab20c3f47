package fr.portailfamilles.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import fr.portailfamilles.events.Topics;
import tools.jackson.databind.JsonNode;

/** Request → staff approval → activation link (from the published event) → password → login → family and child records. */
class AccountJourneyIT extends AccountIntegrationTest {

    @Test
    void whenStaffApprovesThenTheParentActivatesLogsInAndUpdatesFamilyAndChildWithRecordedAuthorizations() {
        String staff = flows.staffToken();
        String email = "journey-" + UUID.randomUUID() + "@exemple.fr";
        String requestId = flows.submit(AccountRequestIT.request(email, "Lefèvre"));

        String queue = web.get().uri("/api/admin/account-requests?status=PENDING&size=100")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + staff).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(AccountFlows.json(queue).get("items").findValuesAsString("id")).contains(requestId);

        JsonNode decided = flows.approve(requestId, staff);
        assertThat(decided.get("request").get("status").asString()).isEqualTo("APPROVED");
        String familyId = decided.get("familyId").asString();

        JsonNode registered = AccountFlows.awaitEvent(Topics.FAMILY, "account.FamilyRegistered.v1", familyId, payload -> true);
        assertThat(registered.get("familyName").asString()).isEqualTo("Lefèvre");
        assertThat(registered.get("resident").asBoolean()).as("51100 is in the community").isTrue();
        assertThat(registered.get("accountActive").asBoolean()).isFalse();
        assertThat(registered.get("children").get(0).get("firstName").asString()).isEqualTo("Noé");

        web.post().uri("/api/admin/account-requests/{id}/approval", requestId).header(HttpHeaders.AUTHORIZATION, "Bearer " + staff)
                .exchange().expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://portail-familles.fr/problems/account-request-decided");

        String activation = AccountFlows.activationToken(requestId, email);
        flows.loginAttempt(email, AccountFlows.PARENT_PASSWORD, AccountFlows.someAddress()).expectStatus().isUnauthorized();

        flows.activate(activation, "AzertyUiop123").expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://portail-familles.fr/problems/weak-password");
        flows.activate(activation, "court").expectStatus().isEqualTo(422);
        flows.activate(activation, AccountFlows.PARENT_PASSWORD).expectStatus().isNoContent();
        flows.activate(activation, AccountFlows.PARENT_PASSWORD).expectStatus().isEqualTo(410)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://portail-familles.fr/problems/link-already-used");

        String token = flows.login(email, AccountFlows.PARENT_PASSWORD);
        String me = web.get().uri("/api/auth/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        String userId = AccountFlows.json(me).get("userId").asString();
        assertThat(AccountFlows.json(me).get("familyId").asString()).isEqualTo(familyId);

        JsonNode family = get("/api/family", token);
        assertThat(family.get("parents").get(0).get("accountStatus").asString()).isEqualTo("ACTIVE");
        assertThat(family.get("consents").get("DATA_PROCESSING").asBoolean()).isTrue();

        JsonNode updated = put("/api/family", token, Map.of(
                "address", "8 place d'Erlon", "postalCode", "51100", "town", "Reims", "situation", "PACSES",
                "cafNumber", "1234567",
                "parents", List.of(Map.of("userId", userId, "firstName", "Léa", "lastName", "Lefèvre", "email", email,
                        "phone", "07 11 22 33 44")),
                "consents", Map.of("DATA_PROCESSING", true, "RULES_ACCEPTED", true, "EMAIL_INFORMATION", false)));
        assertThat(updated.get("address").asString()).isEqualTo("8 place d'Erlon");
        assertThat(updated.get("parents").get(0).get("phone").asString()).isEqualTo("07 11 22 33 44");
        assertThat(updated.get("consents").get("RULES_ACCEPTED").asBoolean()).isTrue();

        String childId = updated.get("children").get(0).get("id").asString();
        JsonNode child = put("/api/family/children/" + childId, token, childForm("Noé", Map.of(
                "PHOTO", true, "LEAVE_ALONE", false, "TRANSPORT", true, "EMERGENCY_CARE", true)));
        assertThat(child.get("allergies").asString()).isEqualTo("Arachide");
        assertThat(child.get("authorizedPickups").get(0).get("name").asString()).isEqualTo("Marc Lefèvre");
        assertThat(child.get("authorizations").get("PHOTO").asBoolean()).isTrue();
        assertThat(child.get("authorizationHistory")).hasSize(4);

        JsonNode changedAgain = put("/api/family/children/" + childId, token, childForm("Noé", Map.of("PHOTO", false)));
        JsonNode history = changedAgain.get("authorizationHistory");
        assertThat(history).hasSize(5);
        JsonNode last = history.get(4);
        assertThat(last.get("kind").asString()).isEqualTo("PHOTO");
        assertThat(last.get("granted").asBoolean()).isFalse();
        assertThat(last.get("recordedBy").asString()).isEqualTo(userId);
        assertThat(last.get("recordedAt").asString()).isNotBlank();
        assertThat(changedAgain.get("authorizations").get("PHOTO").asBoolean()).isFalse();
        assertThat(changedAgain.get("authorizations").get("TRANSPORT").asBoolean()).isTrue();

        JsonNode familyUpdated = AccountFlows.awaitEvent(Topics.FAMILY, "account.FamilyUpdated.v1", familyId,
                payload -> "8 place d'Erlon".equals(payload.get("address").asString()));
        assertThat(familyUpdated.get("accountActive").asBoolean()).isTrue();
    }

    @Test
    void whenStaffRejectsThenTheReasonIsPublishedAndTheDecisionIsFinal() {
        String staff = flows.staffToken();
        String email = "rejected-" + UUID.randomUUID() + "@exemple.fr";
        String requestId = flows.submit(AccountRequestIT.request(email, "Moreau"));

        web.post().uri("/api/admin/account-requests/{id}/rejection", requestId).header(HttpHeaders.AUTHORIZATION, "Bearer " + staff)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", "Adresse hors de la communauté de communes."))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.request.status").isEqualTo("REJECTED")
                .jsonPath("$.rejectionReason").isEqualTo("Adresse hors de la communauté de communes.");

        JsonNode rejected = AccountFlows.awaitEvent(Topics.ACCOUNT_REQUEST, "account.AccountRequestRejected.v1", requestId, p -> true);
        assertThat(rejected.get("reason").asString()).isEqualTo("Adresse hors de la communauté de communes.");
        assertThat(rejected.get("contactEmail").asString()).isEqualTo(email);

        web.post().uri("/api/admin/account-requests/{id}/approval", requestId).header(HttpHeaders.AUTHORIZATION, "Bearer " + staff)
                .exchange().expectStatus().isEqualTo(409);
        web.post().uri("/api/admin/account-requests/{id}/rejection", requestId).header(HttpHeaders.AUTHORIZATION, "Bearer " + staff)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", "Encore"))
                .exchange().expectStatus().isEqualTo(409);
        assertThat(flows.count("SELECT count(*) FROM user_account WHERE email = '" + email + "'")).isZero();
    }

    @Test
    void whenTheActivationLinkHasExpiredThenItIsRefusedAndTheAccountStaysPending() {
        String staff = flows.staffToken();
        String email = "expired-" + UUID.randomUUID() + "@exemple.fr";
        String requestId = flows.submit(AccountRequestIT.request(email, "Garnier"));
        flows.approve(requestId, staff);
        String token = AccountFlows.activationToken(requestId, email);
        database.sql("UPDATE credential_token SET expires_at = now() - interval '1 minute' WHERE user_id = "
                + "(SELECT id FROM user_account WHERE email = :email)").bind("email", email).then().block();

        flows.activate(token, AccountFlows.PARENT_PASSWORD).expectStatus().isEqualTo(410)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://portail-familles.fr/problems/link-expired");
        flows.activate("pas-un-vrai-jeton", AccountFlows.PARENT_PASSWORD).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("https://portail-familles.fr/problems/invalid-link");
        assertThat(flows.count("SELECT count(*) FROM user_account WHERE status = 'PENDING_ACTIVATION' AND email = '" + email + "'"))
                .isEqualTo(1);
    }

    @Test
    void whenAnExistingFamilyAsksAgainForTheNewYearThenItIsAnActualisationOfTheSameFamily() {
        String staff = flows.staffToken();
        AccountFlows.ActiveFamily family = flows.activeFamily(staff);
        Map<String, Object> again = new java.util.HashMap<>(AccountRequestIT.request(family.email(), "Bernard"));
        again.put("schoolYear", "2027-2028");
        again.put("children", List.of(
                Map.of("firstName", "Noé", "lastName", "Bernard", "birthDate", "2018-05-04", "school", "École Jean Macé"),
                Map.of("firstName", "Inès", "lastName", "Bernard", "birthDate", "2023-01-09")));
        long familiesBefore = flows.count("SELECT count(*) FROM family");

        String requestId = flows.submit(again);
        JsonNode decided = flows.approve(requestId, staff);

        assertThat(decided.get("request").get("actualisation").asBoolean()).isTrue();
        assertThat(decided.get("familyId").asString()).isEqualTo(family.familyId().toString());
        assertThat(flows.count("SELECT count(*) FROM family")).isEqualTo(familiesBefore);
        JsonNode children = AccountFlows.json(web.get().uri("/api/family/children").header(HttpHeaders.AUTHORIZATION, family.bearer())
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
        assertThat(children.findValuesAsString("firstName")).containsExactly("Noé", "Inès");
    }

    @Test
    void whenStaffSetsTheQuotientFamilialThenTheFamilyShowsItAndItIsPublished() {
        String staff = flows.staffToken();
        AccountFlows.ActiveFamily family = flows.activeFamily(staff);
        Map<String, Object> qf = Map.of("value", 742, "source", "CAF", "validUntil", "2099-12-31");

        web.put().uri("/api/admin/families/{id}/quotient-familial", family.familyId()).header(HttpHeaders.AUTHORIZATION, family.bearer())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(qf)
                .exchange().expectStatus().isForbidden();
        web.put().uri("/api/admin/families/{id}/quotient-familial", family.familyId()).header(HttpHeaders.AUTHORIZATION, "Bearer " + staff)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(qf)
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.quotientFamilial.value").isEqualTo(742).jsonPath("$.quotientFamilial.source").isEqualTo("CAF");

        JsonNode updated = AccountFlows.awaitEvent(Topics.FAMILY, "account.FamilyUpdated.v1", family.familyId().toString(),
                payload -> payload.get("quotientFamilial").isNumber());
        assertThat(updated.get("quotientFamilial").asInt()).isEqualTo(742);
        web.get().uri("/api/admin/families?q={q}", family.email()).header(HttpHeaders.AUTHORIZATION, "Bearer " + staff)
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.total").isEqualTo(1).jsonPath("$.items[0].id").isEqualTo(family.familyId().toString());
    }

    static Map<String, Object> childForm(String firstName, Map<String, Boolean> authorizations) {
        return Map.ofEntries(
                Map.entry("firstName", firstName), Map.entry("lastName", "Lefèvre"), Map.entry("birthDate", "2018-05-04"),
                Map.entry("school", "École Jean Macé"), Map.entry("className", "CE2"),
                Map.entry("healthNotes", "Asthme léger, ventoline dans le sac."), Map.entry("allergies", "Arachide"),
                Map.entry("doctorName", "Dr. Petit"), Map.entry("doctorPhone", "03 26 00 00 00"),
                Map.entry("authorizedPickups", List.of(Map.of("name", "Marc Lefèvre", "relationship", "oncle", "phone", "06 00 00 00 01"))),
                Map.entry("emergencyContacts", List.of(Map.of("name", "Anne Roux", "relationship", "grand-mère", "phone", "06 00 00 00 02"))),
                Map.entry("authorizations", authorizations));
    }

    private JsonNode get(String uri, String token) {
        return AccountFlows.json(web.get().uri(uri).header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
    }

    private JsonNode put(String uri, String token, Object body) {
        return AccountFlows.json(web.put().uri(uri).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
    }
}
