package fr.portailfamilles.billing.invoice.domain;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * {@code PLL-2027-000001}: the structure's initials, the year, and the structure's gap-free counter for
 * that year (taken from {@code invoice_counter} in the issuing transaction, never computed in Java).
 */
public final class InvoiceNumber {

    private static final Set<String> SMALL_WORDS = Set.of("de", "du", "des", "la", "le", "les", "l", "d", "et", "a", "au", "aux",
            "accueil", "loisirs", "centre");

    private InvoiceNumber() {
    }

    public static String of(String structureName, int year, int counter) {
        return "%s-%d-%06d".formatted(prefix(structureName), year, counter);
    }

    /** "Accueil de loisirs Les Petits Loups" → "PL"... the initials of the meaningful words, 2 to 4 letters. */
    static String prefix(String structureName) {
        String plain = Normalizer.normalize(structureName == null ? "" : structureName, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        StringBuilder initials = new StringBuilder();
        for (String word : plain.split("[^a-z0-9]+")) {
            if (!word.isEmpty() && !SMALL_WORDS.contains(word) && initials.length() < 4) {
                initials.append(Character.toUpperCase(word.charAt(0)));
            }
        }
        return initials.length() >= 2 ? initials.toString() : (initials + "FAC").substring(0, 3);
    }
}
