package fr.portailfamilles.billing;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import fr.portailfamilles.testsupport.IntegrationTest;
import fr.portailfamilles.testsupport.TestTokens;

/** One application context for every integration test of the module (demo data and the payment simulator on). */
@IntegrationTest
@TestPropertySource(properties = "portail.demo.enabled=true")
public abstract class BillingIntegrationTest {

    @Autowired
    protected WebTestClient web;

    @Autowired
    protected DatabaseClient database;

    protected WebTestClient staff() {
        return web.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.staff()).build();
    }

    protected WebTestClient admin() {
        return web.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.admin()).build();
    }

    protected WebTestClient parent(UUID familyId) {
        return web.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.parent(familyId)).build();
    }

    protected void tariff(UUID structureId, String unit, int qfMin, Integer qfMax, int priceCents, int mealCents, LocalDate validFrom) {
        database.sql("""
                        INSERT INTO tariff (structure_id, unit, qf_min, qf_max, price_cents, meal_price_cents, valid_from)
                        VALUES (:structureId, :unit, :qfMin, :qfMax, :price, :meal, :validFrom)""")
                .bind("structureId", structureId).bind("unit", unit).bind("qfMin", qfMin)
                .bind("qfMax", Parameter.fromOrEmpty(qfMax, Integer.class)).bind("price", priceCents).bind("meal", mealCents)
                .bind("validFrom", validFrom)
                .then().block();
    }

    /** Two brackets (0–700, 701+) for every unit: JOURNEE 450/900, half days 250/500, meal 150/300. */
    protected void simpleGrid(UUID structureId, LocalDate validFrom) {
        for (String unit : new String[] { "JOURNEE", "MATIN", "APRES_MIDI" }) {
            boolean day = unit.equals("JOURNEE");
            tariff(structureId, unit, 0, 700, day ? 450 : 250, 150, validFrom);
            tariff(structureId, unit, 701, null, day ? 900 : 500, 300, validFrom);
        }
    }

    /** A billable line as the reservation events leave it (for tests not about the events). */
    protected void line(UUID familyId, UUID structureId, String structureName, LocalDate date, String unit) {
        database.sql("""
                        INSERT INTO billable_line (reservation_id, family_id, child_id, child_first_name, structure_id, structure_name,
                            date, unit, meal, billable, received_at)
                        VALUES (gen_random_uuid(), :familyId, gen_random_uuid(), 'Zoé', :structureId, :structureName, :date, :unit, :meal,
                            true, now())""")
                .bind("familyId", familyId).bind("structureId", structureId).bind("structureName", structureName)
                .bind("date", date).bind("unit", unit).bind("meal", unit.endsWith("_REPAS"))
                .then().block();
    }

    protected void family(UUID familyId, String name, Integer quotient) {
        database.sql("""
                        INSERT INTO family (id, family_name, address, postal_code, town, quotient_familial, updated_at)
                        VALUES (:id, :name, '1 rue Test', '51100', 'Reims', :quotient, now())""")
                .bind("id", familyId).bind("name", name).bind("quotient", Parameter.fromOrEmpty(quotient, Integer.class))
                .then().block();
    }

    protected long count(String sql) {
        return database.sql(sql).map(row -> ((Number) row.get(0)).longValue()).one().block();
    }

    protected String single(String sql) {
        return database.sql(sql).map(row -> row.get(0, String.class)).one().block();
    }

    protected static void await(Supplier<Boolean> condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (!condition.get()) {
            assertThat(Instant.now()).as("waited for the condition").isBefore(deadline);
            Thread.sleep(200);
        }
    }
}
