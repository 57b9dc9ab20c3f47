package fr.portailfamilles.billing.tariff.domain;

/**
 * The part of a day a price is for. Amplitudes with a meal (JOURNEE_REPAS…) are priced as their unit
 * plus the tariff's meal supplement.
 */
public enum TariffUnit {
    JOURNEE, MATIN, APRES_MIDI
}
