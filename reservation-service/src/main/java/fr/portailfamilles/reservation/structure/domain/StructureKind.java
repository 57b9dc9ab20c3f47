package fr.portailfamilles.reservation.structure.domain;

/** Leisure centre (accueil de loisirs sans hébergement), crèche / multi-accueil, or before/after-school care. */
public enum StructureKind {
    ALSH, CRECHE, PERISCOLAIRE
}
