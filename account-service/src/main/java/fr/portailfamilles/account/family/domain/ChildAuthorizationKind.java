package fr.portailfamilles.account.family.domain;

/** The authorizations on a child's record. */
public enum ChildAuthorizationKind {
    /** The child may be photographed or filmed during activities. */
    PHOTO,
    /** The child may leave alone at the end of the activity. */
    LEAVE_ALONE,
    /** The child may be transported (bus, staff vehicle) during activities. */
    TRANSPORT,
    /** Staff may have emergency medical care given. */
    EMERGENCY_CARE
}
