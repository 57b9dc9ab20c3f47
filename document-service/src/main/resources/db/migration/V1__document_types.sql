-- The required-document catalogue (guide, step 8). Every family sends the NEUTRE set; a leisure-centre
-- dossier adds ALSH, a crèche / multi-accueil dossier adds CRECHE. FAMILY documents are sent once per
-- family, CHILD documents once per child. validity_rule is what a reviewer checks the date against;
-- hint is the guide's "précision", shown to parents beside the type.
CREATE TABLE document_type (
    code          text    PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9_]{1,49}$'),
    label         text    NOT NULL,
    dossier       text    NOT NULL CHECK (dossier IN ('NEUTRE', 'ALSH', 'CRECHE')),
    scope         text    NOT NULL CHECK (scope IN ('FAMILY', 'CHILD')),
    mandatory     boolean NOT NULL,
    validity_rule text    NOT NULL CHECK (validity_rule IN
                      ('LATEST_TAX_NOTICE', 'ISSUED_WITHIN_3_MONTHS', 'COVERS_LAST_12_MONTHS', 'SCHOOL_YEAR', 'NONE')),
    hint          text    NOT NULL,
    position      integer NOT NULL UNIQUE
);

INSERT INTO document_type (code, label, dossier, scope, mandatory, validity_rule, hint, position) VALUES
    ('AVIS_IMPOSITION', 'Avis d''imposition', 'NEUTRE', 'FAMILY', true, 'LATEST_TAX_NOTICE',
     'Le dernier avis téléchargeable depuis votre espace impots.gouv.fr (pour l''année 2023/2024 : impôt 2023 sur les revenus 2022).', 10),
    ('JUSTIFICATIF_DOMICILE', 'Justificatif de domicile', 'NEUTRE', 'FAMILY', true, 'ISSUED_WITHIN_3_MONTHS',
     'Facture ou quittance à votre adresse, de moins de 3 mois.', 20),
    ('NOTIFICATION_CAF', 'Notification CAF', 'NEUTRE', 'FAMILY', true, 'COVERS_LAST_12_MONTHS',
     'Depuis votre espace CAF / attestation / autres périodes : elle doit couvrir les 12 derniers mois avant votre demande.', 30),
    ('JUGEMENT_GARDE', 'Jugement de garde', 'NEUTRE', 'FAMILY', false, 'NONE',
     'Seulement si les parents sont séparés : la décision qui fixe la résidence de l''enfant.', 40),
    ('ASSURANCE_EXTRASCOLAIRE', 'Attestation d''assurance extrascolaire', 'ALSH', 'FAMILY', true, 'SCHOOL_YEAR',
     'Établie pour l''année scolaire concernée et indiquant « durant les activités extra scolaires ».', 50),
    ('VACCINATIONS_ALSH', 'Carnet de vaccinations', 'ALSH', 'CHILD', true, 'NONE',
     'Les pages vaccinations du carnet de santé de l''enfant, à jour.', 60),
    ('ASSURANCE_RESPONSABILITE_CIVILE', 'Attestation d''assurance responsabilité civile', 'CRECHE', 'FAMILY', true, 'SCHOOL_YEAR',
     'Responsabilité civile, établie pour l''année scolaire concernée.', 70),
    ('VACCINATIONS_CRECHE', 'Carnet de vaccinations', 'CRECHE', 'CHILD', true, 'NONE',
     'Les pages vaccinations du carnet de santé de l''enfant, à jour.', 80);
