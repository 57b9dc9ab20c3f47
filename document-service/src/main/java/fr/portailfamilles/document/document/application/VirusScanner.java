package fr.portailfamilles.document.document.application;

import java.io.IOException;
import java.io.InputStream;

/** Scans a file before it is accepted; {@link #NONE} when no antivirus is configured. */
public interface VirusScanner {

    VirusScanner NONE = content -> null;

    /** The virus found, or null when the content is clean. Blocking. */
    String scan(InputStream content) throws IOException;
}
