package fr.portailfamilles.reservation.offer.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.portailfamilles.reservation.structure.domain.StructureKind;

class ActivityTests {

    private static final LocalDate MONDAY = LocalDate.of(2027, 7, 12);

    @Test
    void whenTheDeadlineCountsCalendarDaysThenItFallsJMinusXAtTheCutOffHourParisTime() {
        Activity activity = activity(2, false);

        assertThat(activity.deadlineFor(MONDAY)).isEqualTo(Instant.parse("2027-07-10T10:00:00Z"));
        assertThat(activity.deadlinePassed(MONDAY, Instant.parse("2027-07-10T09:59:59Z"))).isFalse();
        assertThat(activity.deadlinePassed(MONDAY, Instant.parse("2027-07-10T10:00:01Z"))).isTrue();
    }

    @Test
    void whenTheDeadlineCountsWorkingDaysThenTheWeekendDoesNotCount() {
        assertThat(activity(2, true).deadlineFor(MONDAY)).isEqualTo(Instant.parse("2027-07-08T10:00:00Z"));
        assertThat(activity(0, true).deadlineFor(MONDAY)).isEqualTo(Instant.parse("2027-07-12T10:00:00Z"));
    }

    @Test
    void whenAChildHasHisBirthdayDuringThePeriodThenHisAgeChangesThatDay() {
        LocalDate born = LocalDate.of(2021, 7, 13);

        assertThat(Activity.ageOn(born, MONDAY)).isEqualTo(5);
        assertThat(Activity.ageOn(born, MONDAY.plusDays(1))).isEqualTo(6);
        assertThat(activity(2, false).ageAllowed(2)).isFalse();
        assertThat(activity(2, false).ageAllowed(11)).isTrue();
        assertThat(activity(2, false).ageAllowed(12)).isFalse();
    }

    @Test
    void whenThePeriodHasClosedDatesAndAResidentsFirstPhaseThenDaysAndPhasesFollow() {
        Instant opens = Instant.parse("2027-05-01T08:00:00Z");
        Instant everyone = Instant.parse("2027-05-08T08:00:00Z");
        Instant closes = Instant.parse("2027-07-01T10:00:00Z");
        Period period = new Period(UUID.randomUUID(), UUID.randomUUID(), "Été", LocalDate.of(2027, 7, 5), LocalDate.of(2027, 7, 16),
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), opens, everyone, closes, Map.of(LocalDate.of(2027, 7, 14), "Fête nationale"));

        assertThat(period.openDays()).hasSize(9).doesNotContain(LocalDate.of(2027, 7, 14), LocalDate.of(2027, 7, 10));
        assertThat(period.phase(opens.minusSeconds(1))).isEqualTo(Period.Phase.NOT_OPEN);
        assertThat(period.phase(opens)).isEqualTo(Period.Phase.RESIDENTS_ONLY);
        assertThat(period.openTo(true, opens)).isTrue();
        assertThat(period.openTo(false, opens)).isFalse();
        assertThat(period.openTo(false, everyone)).isTrue();
        assertThat(period.phase(closes)).isEqualTo(Period.Phase.CLOSED);
    }

    @Test
    void whenAPlaceIsOfferedThenItIsHeldOfferHoursButNeverBeyondTheStartOfTheDay() {
        Activity offering = new Activity(UUID.randomUUID(), UUID.randomUUID(), "Les Petits Loups", "ALSH vacances", StructureKind.ALSH, 3, 11,
                "ALSH", 2, LocalTime.NOON, false, Activity.LateCancellation.BILL, Activity.WaitlistPolicy.OFFER, 48);
        Instant dayStarts = Instant.parse("2027-07-11T22:00:00Z"); // Monday 00:00 in Paris

        assertThat(offering.offerExpiry(MONDAY, Instant.parse("2027-07-01T08:00:00Z"))).contains(Instant.parse("2027-07-03T08:00:00Z"));
        assertThat(offering.offerExpiry(MONDAY, Instant.parse("2027-07-11T08:00:00Z"))).contains(dayStarts);
        assertThat(offering.offerExpiry(MONDAY, dayStarts)).isEmpty();
        assertThat(offering.offerExpiry(MONDAY, Instant.parse("2027-07-12T09:00:00Z"))).isEmpty();
    }

    private static Activity activity(int deadlineDays, boolean workingDays) {
        return new Activity(UUID.randomUUID(), UUID.randomUUID(), "Les Petits Loups", "ALSH vacances", StructureKind.ALSH, 3, 11, "ALSH",
                deadlineDays, LocalTime.NOON, workingDays, Activity.LateCancellation.BILL, Activity.WaitlistPolicy.AUTO_BOOK, null);
    }
}
