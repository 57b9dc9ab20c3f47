package fr.portailfamilles.account.auth.domain;

public enum AccountStatus {
    ACTIVE, PENDING_ACTIVATION, DISABLED
}
