package fr.portailfamilles.document.document.domain;

/** The portal's red cross (MISSING, REJECTED, EXPIRED), hourglass (PENDING) and green tick (ACCEPTED). */
public enum RequirementStatus {
    MISSING, PENDING, ACCEPTED, REJECTED, EXPIRED
}
