package fr.portailfamilles.reservation.attendance.domain;

/** Pointage of a booked child on the day: present, absent, or late (with the time of arrival). */
public enum AttendanceStatus {
    PRESENT, ABSENT, LATE
}
