package fr.portailfamilles.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every label the parents' guide (« guide Portail-familles », steps 2 to 16) tells a parent to look for or click is
 * on our pages with the guide's words, as the whole text of an element (HTML) or a whole string the script puts on
 * the page (JS): renaming one fails the build. Where the guide writes a label loosely (« continuer », « Modifier
 * /Annuler »), the page uses the capitalised, evenly spaced form and the comment says so.
 */
class GuideLabelsTests {

    private static final Path PAGES = Path.of("src", "main", "resources", "static");

    static Stream<Arguments> guideLabels() {
        return Stream.of(
                // Step 2: the request form and the activation e-mail's page.
                Arguments.of("Demande ouverture et/ou actualisation de compte", "index.html"),
                Arguments.of("Demande ouverture et/ou actualisation de compte", "demande-compte.html"),
                Arguments.of("Modifier mon mot de passe", "activation.html"),
                Arguments.of("Modifier mon mot de passe", "mot-de-passe-modifier.html"),
                Arguments.of("Modifier mon mot de passe", "espace.html"),
                // Step 5: the personal space.
                Arguments.of("Connexion à votre espace", "index.html"),
                Arguments.of("Connexion à votre espace", "connexion.html"),
                Arguments.of("Modifier les informations de la famille", "espace.html"),
                Arguments.of("Modifier les informations de la famille", "famille.html"),
                Arguments.of("Voir / Modifier la fiche enfant", "famille.js"),
                // Step 8: documents (« Parcourir » is the browser's own file button).
                Arguments.of("AJOUTER UN DOCUMENT", "documents.html"),
                Arguments.of("Envoyer", "documents.html"),
                // Step 10: a booking (the guide's « continuer » capitalised, « Valider votre réservation » as « Valider »).
                Arguments.of("NOUVELLE RESERVATION", "espace.html"),
                Arguments.of("Continuer", "reservation.html"),
                Arguments.of("Valider", "reservation.html"),
                Arguments.of("Confirmer la réservation", "reservation.html"),
                Arguments.of("Terminer", "reservation.html"),
                // Step 13: a cancellation (the guide's « Modifier /Annuler » evenly spaced).
                Arguments.of("Modifier / Annuler", "reservations.html"),
                Arguments.of("Valider le planning", "reservations.js"),
                // Step 16: paying an invoice.
                Arguments.of("Payer en ligne", "factures.html"),
                Arguments.of("Payer cette facture", "factures.html"),
                Arguments.of("Accéder au paiement", "factures.html"));
    }

    @ParameterizedTest(name = "« {0} » on {1}")
    @MethodSource("guideLabels")
    void theGuidesLabelIsOnThePage(String label, String file) throws IOException {
        String text = Files.readString(PAGES.resolve(file), StandardCharsets.UTF_8);
        String quoted = Pattern.quote(label);
        Pattern asShown = file.endsWith(".js")
                ? Pattern.compile("'" + quoted + "'")
                : Pattern.compile(">\\s*" + quoted + "\\s*<");
        assertThat(asShown.matcher(text).find())
                .as("the guide's « %s » as the whole text of an element of %s", label, file)
                .isTrue();
    }

    /** The guide marks required documents with « (!) »: the documents page must print that marker, not another. */
    @ParameterizedTest(name = "« {0} » in {1}")
    @MethodSource("requiredMarker")
    void theGuidesRequiredMarkerIsUsed(String marker, String file) throws IOException {
        assertThat(Files.readString(PAGES.resolve(file), StandardCharsets.UTF_8)).contains(marker);
    }

    static Stream<Arguments> requiredMarker() {
        return Stream.of(Arguments.of("(!)", "documents.js"), Arguments.of("(!)", "documents.html"));
    }
}
