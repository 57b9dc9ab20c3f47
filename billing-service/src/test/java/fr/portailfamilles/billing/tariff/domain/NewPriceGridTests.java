package fr.portailfamilles.billing.tariff.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.portailfamilles.billing.tariff.domain.NewPriceGrid.Bracket;

class NewPriceGridTests {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

    static NewPriceGrid grid(LocalDate from, Bracket... brackets) {
        return new NewPriceGrid(UUID.randomUUID(), TariffUnit.JOURNEE, from, List.of(brackets));
    }

    @Test
    void whenBracketsFollowEachOtherFromZeroToAnOpenEndThenTheGridIsAccepted() {
        assertThat(grid(TODAY, new Bracket(0, 700, 450, 150), new Bracket(701, 1200, 700, 200), new Bracket(1201, null, 900, 300))
                .refusal(TODAY)).isEmpty();
        assertThat(grid(TODAY.plusMonths(9), new Bracket(0, null, 900, 300)).refusal(TODAY)).isEmpty();
    }

    @Test
    void whenTheGridWouldRewritePastPricesThenItIsRefused() {
        assertThat(grid(TODAY.minusDays(1), new Bracket(0, null, 900, 300)).refusal(TODAY)).hasValueSatisfying(
                reason -> assertThat(reason).contains("déjà facturés"));
    }

    @Test
    void whenBracketsLeaveAGapOverlapOrCloseTheTopThenTheGridIsRefused() {
        assertThat(grid(TODAY, new Bracket(1, null, 900, 300)).refusal(TODAY)).isPresent();
        assertThat(grid(TODAY, new Bracket(0, 700, 450, 150), new Bracket(702, null, 900, 300)).refusal(TODAY)).isPresent();
        assertThat(grid(TODAY, new Bracket(0, 700, 450, 150), new Bracket(700, null, 900, 300)).refusal(TODAY)).isPresent();
        assertThat(grid(TODAY, new Bracket(0, 700, 450, 150), new Bracket(701, 2000, 900, 300)).refusal(TODAY)).isPresent();
        assertThat(grid(TODAY, new Bracket(0, null, 450, 150), new Bracket(1, null, 900, 300)).refusal(TODAY)).isPresent();
        assertThat(grid(TODAY, new Bracket(0, 700, 450, 150), new Bracket(701, 600, 9, 0), new Bracket(601, null, 9, 0))
                .refusal(TODAY)).isPresent();
    }
}
