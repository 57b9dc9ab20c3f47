package fr.portailfamilles.events;

/** One topic per aggregate, {@code <domain>.<aggregate>.events}, so an aggregate's events stay ordered. */
public final class Topics {

    public static final String ACCOUNT_REQUEST = of("account", "account-request");

    private Topics() {
    }

    public static String of(String domain, String aggregate) {
        return domain + "." + aggregate + ".events";
    }
}
