package fr.portailfamilles.document.document.application;

import java.util.List;

import fr.portailfamilles.document.document.domain.Document;

/** One page of the review queue, oldest first. */
public record DocumentPage(List<Document> items, int page, int size, long total) {
}
