package fr.portailfamilles.notification.notification.application;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/** Dates and booking units as a parent reads them. */
public final class FrenchText {

    private static final Locale FRENCH = Locale.FRANCE;
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", FRENCH);
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH'h'mm", FRENCH);
    private static final Map<String, String> UNITS = Map.of(
            "JOURNEE_REPAS", "journée avec repas",
            "JOURNEE", "journée sans repas",
            "MATIN_REPAS", "matin avec repas",
            "MATIN", "matin sans repas",
            "APRES_MIDI_REPAS", "après-midi avec repas",
            "APRES_MIDI", "après-midi sans repas");

    private FrenchText() {
    }

    /** "lundi 6 juillet 2026". */
    public static String day(LocalDate date) {
        return date == null ? "" : DAY.format(date);
    }

    /** "6 juillet 2026 à 18h30", Paris time. */
    public static String moment(Instant instant) {
        return instant == null ? "" : MOMENT.format(instant.atZone(PARIS));
    }

    public static String unit(String code) {
        return code == null ? "" : UNITS.getOrDefault(code, code.toLowerCase(FRENCH).replace('_', ' '));
    }
}
