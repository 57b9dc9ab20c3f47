package fr.portailfamilles.reservation.attendance.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/**
 * One child expected at a structure on a day (a confirmed reservation), with the pointage if staff made
 * one. {@code familyName} is the surname the list is sorted by; health notes and authorized pick-ups stay
 * in account-service, read there child by child (and audited).
 */
public record AttendanceRow(UUID reservationId, UUID familyId, String familyName, UUID childId, String childFirstName, LocalDate date,
        String unit, boolean meal, String activityName, AttendanceStatus status, LocalTime arrivedAt, Instant markedAt) {
}
