package fr.portailfamilles.reservation.offer.domain;

import java.util.List;

/**
 * The amplitudes a parent books. A morning uses the day's MATIN places, an afternoon its APRES_MIDI
 * places, a whole day both; the meal is counted apart for the kitchen.
 */
public enum Unit {
    JOURNEE_REPAS(List.of(Half.MATIN, Half.APRES_MIDI), true),
    JOURNEE(List.of(Half.MATIN, Half.APRES_MIDI), false),
    MATIN_REPAS(List.of(Half.MATIN), true),
    MATIN(List.of(Half.MATIN), false),
    APRES_MIDI_REPAS(List.of(Half.APRES_MIDI), true),
    APRES_MIDI(List.of(Half.APRES_MIDI), false);

    public enum Half {
        MATIN, APRES_MIDI
    }

    private final List<Half> halves;
    private final boolean meal;

    Unit(List<Half> halves, boolean meal) {
        this.halves = halves;
        this.meal = meal;
    }

    public List<Half> halves() {
        return halves;
    }

    public String[] halfNames() {
        return halves.stream().map(Half::name).toArray(String[]::new);
    }

    public boolean meal() {
        return meal;
    }
}
