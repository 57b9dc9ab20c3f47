package fr.portailfamilles.document.catalogue;

import static fr.portailfamilles.document.catalogue.domain.ValidityRule.COVERS_LAST_12_MONTHS;
import static fr.portailfamilles.document.catalogue.domain.ValidityRule.ISSUED_WITHIN_3_MONTHS;
import static fr.portailfamilles.document.catalogue.domain.ValidityRule.LATEST_TAX_NOTICE;
import static fr.portailfamilles.document.catalogue.domain.ValidityRule.NONE;
import static fr.portailfamilles.document.catalogue.domain.ValidityRule.SCHOOL_YEAR;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import fr.portailfamilles.document.catalogue.domain.SchoolYear;
import fr.portailfamilles.document.catalogue.domain.Validity;

class ValidityTests {

    @Test
    void whenTheDayIsFromSeptemberThenTheSchoolYearStartsThatYearAndBeforeItStartedTheYearBefore() {
        assertThat(SchoolYear.of(LocalDate.of(2024, 8, 31))).isEqualTo(new SchoolYear(2023));
        assertThat(SchoolYear.of(LocalDate.of(2024, 9, 1))).isEqualTo(new SchoolYear(2024));
        assertThat(new SchoolYear(2024).lastDay()).isEqualTo(LocalDate.of(2025, 8, 31));
        assertThat(new SchoolYear(2023)).hasToString("2023/2024");
    }

    @Test
    void whenTheTaxNoticeIsTheOneIssuedInTheFirstYearOfTheSchoolYearThenItIsValidToTheEndOfThatSchoolYear() {
        LocalDate review = LocalDate.of(2023, 10, 2);
        Validity validity = Validity.decide(LATEST_TAX_NOTICE, review, LocalDate.of(2023, 1, 1), null);
        assertThat(validity.accepted()).isTrue();
        assertThat(validity.validUntil()).isEqualTo(LocalDate.of(2024, 8, 31));
    }

    @Test
    void whenTheTaxNoticeIsFromTheYearBeforeTheSchoolYearThenItIsNotTheLatestOne() {
        LocalDate review = LocalDate.of(2023, 9, 1);
        Validity validity = Validity.decide(LATEST_TAX_NOTICE, review, LocalDate.of(2022, 12, 31), null);
        assertThat(validity.accepted()).isFalse();
        assertThat(validity.refusal()).contains("2023/2024").contains("avis d'imposition 2023").contains("revenus 2022");
    }

    @Test
    void whenReviewedTheDayBeforeTheSchoolYearStartsThenLastYearsNoticeIsStillTheLatest() {
        LocalDate review = LocalDate.of(2023, 8, 31);
        assertThat(Validity.decide(LATEST_TAX_NOTICE, review, LocalDate.of(2022, 9, 15), null).validUntil())
                .isEqualTo(LocalDate.of(2023, 8, 31));
        assertThat(Validity.decide(LATEST_TAX_NOTICE, review, LocalDate.of(2021, 12, 31), null).accepted()).isFalse();
    }

    @Test
    void whenTheTaxNoticeHasNoIssueDateOrOneInTheFutureThenItIsRefused() {
        LocalDate review = LocalDate.of(2023, 10, 2);
        assertThat(Validity.decide(LATEST_TAX_NOTICE, review, null, null).accepted()).isFalse();
        assertThat(Validity.decide(LATEST_TAX_NOTICE, review, review.plusDays(1), null).accepted()).isFalse();
    }

    @Test
    void whenTheInsuranceCoversTheReviewDayThenItIsValidUntilItsEndCappedAtTheEndOfTheSchoolYear() {
        LocalDate review = LocalDate.of(2023, 9, 10);
        assertThat(Validity.decide(SCHOOL_YEAR, review, LocalDate.of(2023, 9, 1), LocalDate.of(2024, 8, 31)).validUntil())
                .isEqualTo(LocalDate.of(2024, 8, 31));
        assertThat(Validity.decide(SCHOOL_YEAR, review, LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31)).validUntil())
                .isEqualTo(LocalDate.of(2023, 12, 31));
        assertThat(Validity.decide(SCHOOL_YEAR, review, null, LocalDate.of(2025, 6, 30)).validUntil())
                .isEqualTo(LocalDate.of(2024, 8, 31));
    }

    @Test
    void whenTheInsuranceEndsBeforeTheReviewDayOrHasNoEndThenItIsRefused() {
        LocalDate review = LocalDate.of(2023, 9, 10);
        assertThat(Validity.decide(SCHOOL_YEAR, review, null, review).accepted()).isTrue();
        Validity ended = Validity.decide(SCHOOL_YEAR, review, null, review.minusDays(1));
        assertThat(ended.accepted()).isFalse();
        assertThat(ended.refusal()).contains("2023/2024");
        assertThat(Validity.decide(SCHOOL_YEAR, review, LocalDate.of(2023, 9, 1), null).accepted()).isFalse();
    }

    @Test
    void whenTheCafNotificationIsAtMostTwelveMonthsOldThenItCoversTheTwelveMonthsAfterIt() {
        LocalDate review = LocalDate.of(2024, 3, 15);
        Validity exactlyTwelve = Validity.decide(COVERS_LAST_12_MONTHS, review, LocalDate.of(2023, 3, 15), null);
        assertThat(exactlyTwelve.accepted()).isTrue();
        assertThat(exactlyTwelve.validUntil()).isEqualTo(LocalDate.of(2024, 3, 15));
        assertThat(Validity.decide(COVERS_LAST_12_MONTHS, review, LocalDate.of(2023, 3, 14), null).refusal())
                .contains("12 derniers mois");
        assertThat(Validity.decide(COVERS_LAST_12_MONTHS, review, review, null).validUntil())
                .isEqualTo(LocalDate.of(2025, 3, 15));
        assertThat(Validity.decide(COVERS_LAST_12_MONTHS, review, null, null).accepted()).isFalse();
    }

    @Test
    void whenTheProofOfAddressIsUnderThreeMonthsOldThenItIsValidForTheSchoolYear() {
        LocalDate review = LocalDate.of(2024, 5, 31);
        Validity threeMonths = Validity.decide(ISSUED_WITHIN_3_MONTHS, review, LocalDate.of(2024, 2, 29), null);
        assertThat(threeMonths.accepted()).isTrue();
        assertThat(threeMonths.validUntil()).isEqualTo(LocalDate.of(2024, 8, 31));
        assertThat(Validity.decide(ISSUED_WITHIN_3_MONTHS, review, LocalDate.of(2024, 2, 28), null).refusal())
                .contains("moins de 3 mois");
    }

    @Test
    void whenARuleHasNoDateThenTheReviewersEndDateIfAnyIsKept() {
        LocalDate review = LocalDate.of(2024, 5, 31);
        assertThat(Validity.decide(NONE, review, null, null)).isEqualTo(new Validity(null, null));
        assertThat(Validity.decide(NONE, review, null, LocalDate.of(2030, 1, 1)).validUntil()).isEqualTo(LocalDate.of(2030, 1, 1));
        assertThat(Validity.decide(NONE, review, null, review.minusDays(1)).accepted()).isFalse();
        assertThat(Validity.decide(NONE, review, LocalDate.of(2024, 5, 1), LocalDate.of(2024, 4, 1)).accepted()).isFalse();
    }
}
