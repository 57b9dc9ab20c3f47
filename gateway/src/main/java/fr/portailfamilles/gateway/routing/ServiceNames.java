package fr.portailfamilles.gateway.routing;

import java.util.Map;

/** Each service as a family would name it, to complete "Le service ..." in a problem's detail. */
public final class ServiceNames {

    private static final Map<String, String> NAMES = Map.of(
            "account-service", "des comptes",
            "document-service", "des justificatifs",
            "reservation-service", "des réservations",
            "billing-service", "de facturation",
            "notification-service", "des messages");

    private ServiceNames() {
    }

    /** "Le service des réservations", or "Le service demandé" for an unknown route. */
    public static String theService(String routeId) {
        String name = NAMES.get(routeId);
        return name == null ? "Le service demandé" : "Le service " + name;
    }
}
