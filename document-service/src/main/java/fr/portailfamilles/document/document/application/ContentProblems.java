package fr.portailfamilles.document.document.application;

import org.springframework.http.HttpStatus;

import fr.portailfamilles.platform.web.ProblemException;

/** The refusals of an upload, worded for parents. */
public final class ContentProblems {

    private static final String RESAVE = " Ouvrez-le puis utilisez « Imprimer > Enregistrer au format PDF » pour en faire une copie simple,"
            + " et envoyez cette copie.";

    private ContentProblems() {
    }

    static ProblemException malformed() {
        return ProblemException.invalid("malformed-file",
                "Le fichier est endommagé ou incomplet et ne peut pas être ouvert. Enregistrez-le de nouveau puis réessayez.");
    }

    static ProblemException encryptedPdf() {
        return ProblemException.invalid("encrypted-pdf",
                "Le PDF est protégé par un mot de passe : envoyez une version sans protection.");
    }

    static ProblemException tooComplexPdf() {
        return ProblemException.invalid("pdf-too-complex",
                "Le PDF est trop complexe pour être ouvert sans risque (données compressées démesurées ou objets trop nombreux)."
                        + RESAVE);
    }

    static ProblemException activePdfContent(ActivePdfContent found) {
        String what = switch (found) {
            case SCRIPT -> "un script (JavaScript ou formulaire qui envoie des données)";
            case LAUNCH -> "une action qui ouvre un programme ou un autre fichier";
            case EMBEDDED_FILE -> "un fichier joint";
            case XFA_FORM -> "un formulaire dynamique (XFA)";
        };
        return ProblemException.invalid("active-pdf-content",
                "Par sécurité, un PDF contenant " + what + " n'est pas accepté." + RESAVE).with("content", found.name());
    }

    static ProblemException imageTooLarge(long width, long height, long maxPixels) {
        return ProblemException.invalid("image-too-large",
                "L'image mesure " + width + " × " + height + " pixels : c'est plus que les " + (maxPixels / 1_000_000)
                        + " millions de pixels acceptés. Réduisez sa taille ou numérisez-la en 300 points par pouce.")
                .with("maxPixels", maxPixels);
    }

    static ProblemException storageQuotaExceeded(long quota, long used) {
        return ProblemException.invalid("storage-quota-exceeded",
                "Votre famille a atteint l'espace maximal de " + (quota / (1024 * 1024)) + " Mo pour ses documents. "
                        + "Contactez le service Portail-familles pour faire retirer d'anciens documents.")
                .with("quotaBytes", quota).with("usedBytes", used);
    }

    public static ProblemException fileTooLarge(long max) {
        return new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "file-too-large", "Fichier trop volumineux",
                "Le fichier dépasse la taille maximale de " + (max / (1024 * 1024)) + " Mo.").with("maxBytes", max);
    }
}
