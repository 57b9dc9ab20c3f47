package fr.portailfamilles.events;

/** One topic per aggregate, {@code <domain>.<aggregate>.events}, so an aggregate's events stay ordered. */
public final class Topics {

    public static final String ACCOUNT_REQUEST = of("account", "account-request");
    public static final String USER_ACCOUNT = of("account", "user-account");
    public static final String FAMILY = of("account", "family");
    public static final String DOCUMENT = of("document", "document");
    public static final String DOSSIER = of("document", "dossier");
    public static final String RESERVATION = of("reservation", "reservation");
    public static final String INVOICE = of("billing", "invoice");

    private Topics() {
    }

    public static String of(String domain, String aggregate) {
        return domain + "." + aggregate + ".events";
    }
}
