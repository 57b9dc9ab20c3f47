package fr.portailfamilles.document.document.domain;

/** Where an uploaded document stands in staff review. */
public enum DocumentStatus {
    PENDING, ACCEPTED, REJECTED
}
