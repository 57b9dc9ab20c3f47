package fr.portailfamilles.account.family.application;

import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** A family is resident when its postal code is one of the community's (booking priority depends on it). */
@Component
public class Residency {

    private final Set<String> postalCodes;

    public Residency(@Value("${portail.community.postal-codes}") List<String> postalCodes) {
        this.postalCodes = Set.copyOf(postalCodes.stream().map(String::strip).toList());
    }

    public boolean isResident(String postalCode) {
        return postalCode != null && postalCodes.contains(postalCode.strip());
    }
}
