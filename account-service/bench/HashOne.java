import fr.portailfamilles.account.config.SecurityConfiguration;

/** Prints the hash the service would store for the password given (to seed benchmark accounts). */
public class HashOne {
    public static void main(String[] args) {
        System.out.println(SecurityConfiguration.passwordEncoders().encode(args[0]));
    }
}
