package fr.portailfamilles.reservation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import fr.portailfamilles.events.account.ChildProfile;
import fr.portailfamilles.events.account.FamilyRegistered;
import fr.portailfamilles.events.document.DossierCompletenessChanged;
import fr.portailfamilles.reservation.config.DemoData;
import fr.portailfamilles.reservation.family.application.FamilyProjections;
import fr.portailfamilles.testsupport.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sets up what a test needs through the service's own doors: the offer through the staff API, families
 * through the same projection code the Kafka consumer runs (the consumer itself is tested over Kafka).
 */
final class Fixtures {

    /** Monday 5 to Friday 16 July 2027, weekdays, 14 July closed. */
    static final LocalDate MONDAY = LocalDate.of(2027, 7, 5);
    static final LocalDate BASTILLE_DAY = LocalDate.of(2027, 7, 14);
    static final Instant OPENS = Instant.parse("2027-05-01T08:00:00Z");
    static final Instant CLOSES = Instant.parse("2027-07-10T20:00:00Z");

    private final WebTestClient web;
    private final FamilyProjections projections;

    Fixtures(WebTestClient web, FamilyProjections projections) {
        this.web = web;
        this.projections = projections;
    }

    record Offer(UUID activityId, UUID periodId, UUID underSix, UUID sixAndOver) {
    }

    record Family(UUID id, String token, List<UUID> children) {
        UUID child() {
            return children.get(0);
        }
    }

    Offer offer(String lateCancellation, int underSix, int sixAndOver) {
        return offer(lateCancellation, underSix, sixAndOver, false, null);
    }

    Offer offer(String lateCancellation, int underSix, int sixAndOver, boolean workingDays, Instant everyoneOpensAt) {
        return offer(lateCancellation, underSix, sixAndOver, workingDays, everyoneOpensAt, "AUTO_BOOK", null);
    }

    /** An activity whose waiting list offers a freed place, held {@code offerHours} for the first child waiting. */
    Offer offerHeld(int offerHours, int underSix, int sixAndOver) {
        return offer("BILL", underSix, sixAndOver, false, null, "OFFER", offerHours);
    }

    Offer offer(String lateCancellation, int underSix, int sixAndOver, boolean workingDays, Instant everyoneOpensAt,
            String waitlistPolicy, Integer offerHours) {
        Map<String, Object> activity = new HashMap<>();
        activity.put("structureId", DemoData.PETITS_LOUPS_ALSH);
        activity.put("name", "ALSH test " + UUID.randomUUID());
        activity.put("kind", "ALSH");
        activity.put("minAge", 3);
        activity.put("maxAge", 11);
        activity.put("requiredDossier", "ALSH");
        activity.put("deadlineDays", 2);
        activity.put("cutoffTime", "12:00");
        activity.put("workingDays", workingDays);
        activity.put("lateCancellation", lateCancellation);
        activity.put("waitlistPolicy", waitlistPolicy);
        if (offerHours != null) {
            activity.put("offerHours", offerHours);
        }
        activity.put("ageGroups", List.of(
                Map.of("label", "Moins de 6 ans", "minAge", 3, "maxAge", 5, "dailyCapacity", underSix),
                Map.of("label", "6 ans et plus", "minAge", 6, "maxAge", 11, "dailyCapacity", sixAndOver)));
        JsonNode created = json(web.post().uri("/api/admin/activities").header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.staff())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(activity)
                .exchange().expectStatus().isCreated().expectBody().returnResult().getResponseBody());
        UUID activityId = UUID.fromString(created.get("activity").get("id").asString());
        Map<String, Object> period = new HashMap<>();
        period.put("name", "Été test");
        period.put("startDate", MONDAY);
        period.put("endDate", MONDAY.plusDays(11));
        period.put("openWeekdays", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"));
        period.put("closedDates", List.of(Map.of("date", BASTILLE_DAY, "reason", "Fête nationale")));
        period.put("bookingOpensAt", OPENS);
        if (everyoneOpensAt != null) {
            period.put("everyoneOpensAt", everyoneOpensAt);
        }
        period.put("bookingClosesAt", CLOSES);
        JsonNode periodCreated = json(web.post().uri("/api/admin/activities/" + activityId + "/periods")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.staff())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(period)
                .exchange().expectStatus().isCreated().expectBody().returnResult().getResponseBody());
        return new Offer(activityId, UUID.fromString(periodCreated.get("id").asString()),
                UUID.fromString(created.get("ageGroups").get(0).get("id").asString()),
                UUID.fromString(created.get("ageGroups").get(1).get("id").asString()));
    }

    /** An active, resident family whose children (born on the given dates) have a complete ALSH dossier. */
    Family family(LocalDate... birthDates) {
        return family(true, true, true, birthDates);
    }

    Family family(boolean resident, boolean active, boolean dossierComplete, LocalDate... birthDates) {
        UUID familyId = UUID.randomUUID();
        List<ChildProfile> children = new ArrayList<>();
        for (int i = 0; i < birthDates.length; i++) {
            children.add(new ChildProfile(UUID.randomUUID(), "Enfant" + i, "Test", birthDates[i], null));
        }
        projections.registered(new FamilyRegistered(familyId, "Test", "1 rue de la Paix", "51100", "Reims", resident, active, 800, List.of(),
                children, Instant.now())).block();
        for (ChildProfile child : children) {
            projections.dossierChanged(new DossierCompletenessChanged(familyId, child.childId(), "ALSH", dossierComplete,
                    dossierComplete ? List.of() : List.of("VACCINATIONS"), Instant.now())).block();
        }
        return new Family(familyId, TestTokens.parent(familyId), children.stream().map(ChildProfile::childId).toList());
    }

    static Map<String, Object> booking(UUID periodId, Object... childDateUnit) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < childDateUnit.length; i += 3) {
            lines.add(Map.of("childId", childDateUnit[i], "date", childDateUnit[i + 1], "unit", childDateUnit[i + 2]));
        }
        return Map.of("periodId", periodId, "lines", lines);
    }

    static JsonNode json(byte[] body) {
        return JsonMapper.shared().readTree(body);
    }
}
