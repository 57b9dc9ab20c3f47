package fr.portailfamilles.reservation.offer.domain;

import java.util.UUID;

/** Children of an activity counted together (staffing ratios differ under and over 6), with their own places per day. */
public record AgeGroup(UUID id, UUID activityId, String label, int minAge, int maxAge, int dailyCapacity) {

    public boolean includes(int age) {
        return age >= minAge && age <= maxAge;
    }
}
