package fr.portailfamilles.document.config;

import java.nio.file.Path;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import fr.portailfamilles.document.document.application.ClamdVirusScanner;
import fr.portailfamilles.document.document.application.DocumentProperties;
import fr.portailfamilles.document.document.application.VirusScanner;
import fr.portailfamilles.document.document.domain.DocumentStorage;
import fr.portailfamilles.document.document.storage.FileSystemDocumentStorage;

/** Local file storage by default; the clamd scan only when {@code portail.documents.clamd.host} is set. */
@Configuration(proxyBeanMethods = false)
public class DocumentConfiguration {

    @Bean
    DocumentStorage documentStorage(DocumentProperties properties) {
        return new FileSystemDocumentStorage(Path.of(properties.storageDir()));
    }

    @Bean
    VirusScanner virusScanner(DocumentProperties properties) {
        return properties.clamd().enabled() ? new ClamdVirusScanner(properties.clamd()) : VirusScanner.NONE;
    }
}
