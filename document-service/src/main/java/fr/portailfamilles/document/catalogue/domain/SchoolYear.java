package fr.portailfamilles.document.catalogue.domain;

import java.time.LocalDate;
import java.time.Month;

/** A school year N/N+1: from 1 September N to 31 August N+1. */
public record SchoolYear(int startYear) {

    public static SchoolYear of(LocalDate day) {
        return new SchoolYear(day.getMonthValue() >= Month.SEPTEMBER.getValue() ? day.getYear() : day.getYear() - 1);
    }

    public LocalDate firstDay() {
        return LocalDate.of(startYear, Month.SEPTEMBER, 1);
    }

    public LocalDate lastDay() {
        return LocalDate.of(startYear + 1, Month.AUGUST, 31);
    }

    @Override
    public String toString() {
        return startYear + "/" + (startYear + 1);
    }
}
