package fr.portailfamilles.document.document.domain;

import java.io.InputStream;

import org.springframework.core.io.buffer.DataBuffer;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Where document bytes live, outside the database. Keys are chosen by the storage, never from a file name. */
public interface DocumentStorage {

    /** A fresh random key to write to. */
    String newKey();

    /** Writes the content under {@code key}; on error nothing is left under it. */
    Mono<Void> write(String key, Flux<DataBuffer> content);

    /** Blocking read, for content checks (call it off the event loop). */
    InputStream open(String key);

    Flux<DataBuffer> read(String key);

    Mono<Void> delete(String key);
}
