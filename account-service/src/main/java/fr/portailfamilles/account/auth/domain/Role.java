package fr.portailfamilles.account.auth.domain;

/** PARENT sees their own family only; STAFF uses the admin routes; ADMIN also manages staff. */
public enum Role {
    PARENT, STAFF, ADMIN
}
