package fr.portailfamilles.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import fr.portailfamilles.localstack.LocalStack;

/** RouteCoverageIT's reading of the gateway's route list can tell a routed path from one that is not, and honours the order. */
class RouteCoverageTests {

    final List<RouteCoverageIT.Route> routes = read();

    @Test
    void aStaffBookingForAFamilyGoesToReservationsWhileTheRestOfTheFamilyGoesToAccounts() {
        assertThat(RouteCoverageIT.routedTo(routes, "/api/admin/families/{familyId}/reservations")).isEqualTo("reservation-service");
        assertThat(RouteCoverageIT.routedTo(routes, "/api/admin/families/{familyId}/children/{childId}")).isEqualTo("account-service");
        assertThat(RouteCoverageIT.routedTo(routes, "/api/family")).isEqualTo("account-service");
        assertThat(RouteCoverageIT.routedTo(routes, "/api/admin/attendance.csv")).isEqualTo("reservation-service");
    }

    @Test
    void aPathNoRouteDeclaresIsReported() {
        assertThat(RouteCoverageIT.routedTo(routes, "/api/admin/something-new/{id}")).isEqualTo("no route");
        assertThat(RouteCoverageIT.routedTo(routes, "/actuator/health")).isEqualTo("no route");
    }

    private static List<RouteCoverageIT.Route> read() {
        try {
            return RouteCoverageIT.gatewayRoutes(LocalStack.findRepositoryRoot(Path.of("")).resolve("gateway/src/main/resources/application.yml"));
        }
        catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }
}
