package fr.portailfamilles.document.document.domain;

/** A file written to {@link DocumentStorage}: its random key, size and SHA-256 (hex). */
public record StoredObject(String key, long size, String sha256) {
}
