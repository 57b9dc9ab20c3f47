package fr.portailfamilles.notification.notification.application;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/** Dates, months, amounts and booking units as a parent reads them. */
public final class FrenchText {

    private static final Locale FRENCH = Locale.FRANCE;
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", FRENCH);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", FRENCH);
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

    /** "juillet 2027" from billing's "2027-07"; anything else as it came. */
    public static String month(String yearMonth) {
        if (yearMonth == null) {
            return "";
        }
        try {
            return MONTH.format(YearMonth.parse(yearMonth));
        }
        catch (java.time.format.DateTimeParseException ex) {
            return yearMonth;
        }
    }

    /** "54,40 €", "1 234,50 €" from euro cents, as on the invoice. */
    public static String euros(long cents) {
        long abs = Math.abs(cents);
        String units = Long.toString(abs / 100);
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < units.length(); i++) {
            if (i > 0 && (units.length() - i) % 3 == 0) {
                grouped.append(' ');
            }
            grouped.append(units.charAt(i));
        }
        return (cents < 0 ? "-" : "") + grouped + "," + String.format("%02d", abs % 100) + " €";
    }

    /** The calendar day, Paris time, of an instant, e.g. the day an invoice was issued. */
    public static LocalDate dayOf(Instant instant) {
        return instant == null ? null : instant.atZone(PARIS).toLocalDate();
    }

    public static String unit(String code) {
        return code == null ? "" : UNITS.getOrDefault(code, code.toLowerCase(FRENCH).replace('_', ' '));
    }
}
