package fr.portailfamilles.notification.mail.domain;

import java.util.Locale;

/**
 * Which e-mails go first when the queue is long (the opening of a holiday period queues thousands of
 * booking confirmations in minutes). The code is what {@code delivery.priority} stores; lower goes first.
 */
public enum MailPriority {

    /** Someone waits at a screen for it: activation, password reset, account request answers. */
    ACCOUNT(0),
    /** Asks the family to act before a deadline (a waitlist offer). */
    DEADLINE(1),
    /** Tells the family what happened: confirmations, invoices, documents. */
    BULK(2);

    private final int code;

    MailPriority(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The metrics tag value. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MailPriority of(int code) {
        for (MailPriority priority : values()) {
            if (priority.code == code) {
                return priority;
            }
        }
        throw new IllegalArgumentException("No mail priority " + code);
    }
}
