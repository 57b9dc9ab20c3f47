package fr.portailfamilles.document.catalogue.domain;

/** Whether a document is sent once for the family or once for each child. */
public enum DocumentScope {
    FAMILY, CHILD
}
