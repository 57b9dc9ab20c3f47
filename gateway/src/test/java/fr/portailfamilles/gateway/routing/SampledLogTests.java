package fr.portailfamilles.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class SampledLogTests {

    private final AtomicLong now = new AtomicLong();
    private final List<String> lines = new ArrayList<>();
    private final SampledLog log = new SampledLog(LoggerFactory.getLogger(SampledLogTests.class), Duration.ofSeconds(10),
            now::get);

    private void refuse(String key, int times) {
        for (int i = 0; i < times; i++) {
            log.record(key, "call " + i, (logger, count, detail) -> lines.add(key + ": " + count + " since " + detail));
        }
    }

    @Test
    void whenThousandsAreRefusedWithinAnIntervalThenOneLineAndTheNextSaysHowMany() {
        refuse("reservation-service/writes", 1_000);
        assertThat(lines).containsExactly("reservation-service/writes: 1 since call 0");

        now.addAndGet(Duration.ofSeconds(9).toNanos());
        refuse("reservation-service/writes", 10);
        assertThat(lines).hasSize(1);

        now.addAndGet(Duration.ofSeconds(1).toNanos());
        refuse("reservation-service/writes", 1);
        assertThat(lines).containsExactly("reservation-service/writes: 1 since call 0",
                "reservation-service/writes: 1010 since call 0");
    }

    @Test
    void whenTwoRoutesRefuseThenEachHasItsOwnLine() {
        refuse("reservation-service/writes", 5);
        refuse("reservation-service/reads", 5);

        assertThat(lines).containsExactly("reservation-service/writes: 1 since call 0",
                "reservation-service/reads: 1 since call 0");
    }
}
