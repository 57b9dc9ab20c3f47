package fr.portailfamilles.document.document.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;

import fr.portailfamilles.document.document.domain.DocumentStorage;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Files in one local directory, named by random keys only (a key that is not a UUID is refused, so no
 * name can point outside it). A write goes to a temporary file first and is moved in place when complete.
 */
public class FileSystemDocumentStorage implements DocumentStorage {

    private static final Pattern KEY = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final Path root;

    public FileSystemDocumentStorage(Path root) {
        this.root = root.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.root);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot create the document storage directory " + this.root, ex);
        }
    }

    @Override
    public String newKey() {
        return UUID.randomUUID().toString();
    }

    @Override
    public Mono<Void> write(String key, Flux<DataBuffer> content) {
        Path target = path(key);
        Path partial = root.resolve(key + ".part");
        return DataBufferUtils.write(content, partial, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)
                .then(Mono.fromCallable(() -> Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE))
                        .subscribeOn(Schedulers.boundedElastic()))
                .onErrorResume(error -> Mono.fromCallable(() -> Files.deleteIfExists(partial))
                        .subscribeOn(Schedulers.boundedElastic()).then(Mono.error(error)))
                .then();
    }

    @Override
    public InputStream open(String key) {
        try {
            return Files.newInputStream(path(key));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    public Flux<DataBuffer> read(String key) {
        return DataBufferUtils.read(path(key), DefaultDataBufferFactory.sharedInstance, 64 * 1024);
    }

    @Override
    public Mono<Void> delete(String key) {
        return Mono.fromCallable(() -> Files.deleteIfExists(path(key))).subscribeOn(Schedulers.boundedElastic()).then();
    }

    private Path path(String key) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("Not a storage key");
        }
        return root.resolve(key);
    }
}
