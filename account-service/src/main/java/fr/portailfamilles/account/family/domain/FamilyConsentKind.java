package fr.portailfamilles.account.family.domain;

/** The boxes a family ticks on "Modifier les informations de la famille". */
public enum FamilyConsentKind {
    /** Processing of the family's personal data by the service (RGPD). */
    DATA_PROCESSING,
    /** The service's rules ("règlement de fonctionnement") have been read and accepted. */
    RULES_ACCEPTED,
    /** News from the service by e-mail. */
    EMAIL_INFORMATION
}
