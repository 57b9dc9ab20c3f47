package fr.portailfamilles.document.document.web;

import java.nio.charset.StandardCharsets;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import fr.portailfamilles.document.document.domain.Document;
import fr.portailfamilles.document.document.domain.DocumentStorage;
import reactor.core.publisher.Flux;

/** A stored file as a download: its detected type, never rendered inline by the browser. */
final class DocumentContent {

    private DocumentContent() {
    }

    static ResponseEntity<Flux<DataBuffer>> of(Document document, DocumentStorage storage) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(document.contentType()))
                .contentLength(document.sizeBytes())
                .header("Content-Disposition", ContentDisposition.attachment()
                        .filename(document.originalFilename(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(storage.read(document.storageKey()));
    }
}
