package fr.portailfamilles.document.catalogue.domain;

/** What a document's date must satisfy for staff to accept it (guide, step 8 "PRECISIONS"). */
public enum ValidityRule {
    /** The latest tax notice: for school year 2023/2024, the 2023 notice on 2022 income. */
    LATEST_TAX_NOTICE,
    /** Issued less than three months before it is sent. */
    ISSUED_WITHIN_3_MONTHS,
    /** Covers the twelve months before the request. */
    COVERS_LAST_12_MONTHS,
    /** Valid for the school year concerned. */
    SCHOOL_YEAR,
    /** No date rule. */
    NONE
}
