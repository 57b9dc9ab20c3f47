package fr.portailfamilles.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dev/run --replicas}: what each instance and the gateway are given, read before anything starts. */
class LocalStackReplicasTests {

    @TempDir
    Path data;

    @Test
    void twoReservationInstancesGetTheirOwnPortsAndTheGatewayListsBoth() {
        LocalStack stack = LocalStack.builder().repositoryRoot(Path.of("../..")).dataDirectory(data)
                .replicas(PortalService.RESERVATION, 2).build();

        assertThat(stack.instancePorts(PortalService.RESERVATION)).containsExactly(8083, 8183);
        assertThat(stack.instancePorts(PortalService.BILLING)).containsExactly(8084);
        assertThat(stack.environmentOf(PortalService.GATEWAY))
                .containsEntry("RESERVATION_SERVICE_URLS", "http://localhost:8083,http://localhost:8183")
                .containsEntry("RESERVATION_SERVICE_URL", "http://localhost:8083");
    }

    @Test
    void withoutReplicasTheGatewayListsTheOneInstance() {
        LocalStack stack = LocalStack.builder().repositoryRoot(Path.of("../..")).dataDirectory(data).build();

        assertThat(stack.environmentOf(PortalService.GATEWAY)).containsEntry("RESERVATION_SERVICE_URLS", "http://localhost:8083");
    }

    @Test
    void onlyALoadBalancedServiceRunsAsSeveralInstances() {
        for (PortalService service : List.of(PortalService.GATEWAY, PortalService.BILLING, PortalService.ACCOUNT)) {
            assertThatThrownBy(() -> LocalStack.builder().replicas(service, 2))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reservation-service");
        }
        assertThatThrownBy(() -> LocalStack.builder().replicas(PortalService.RESERVATION, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
