package fr.portailfamilles.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names an integration event on the wire: its CloudEvents type is
 * {@code <domain>.<SimpleName>.v<version>} and it travels on {@code <domain>.<aggregate>.events}.
 * A breaking change is a new record with {@code version + 1}, published beside the old one.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Event {

    /** The owning domain, the service name without {@code -service}: {@code account}, {@code reservation}... */
    String domain();

    /** The aggregate whose events share one ordered topic. */
    String aggregate();

    int version() default 1;
}
