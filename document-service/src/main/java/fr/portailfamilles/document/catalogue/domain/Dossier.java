package fr.portailfamilles.document.catalogue.domain;

/** A set of required documents: NEUTRE for every family, plus ALSH or CRECHE for the activity booked. */
public enum Dossier {
    NEUTRE, ALSH, CRECHE
}
