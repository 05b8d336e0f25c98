package app.plugboard.integration;

import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * One secret of some settings and every destination it is sent to.
 *
 * @param label        the field's name as the person sees it, for the message that asks for it again
 * @param destinations empty when the secret goes only where the operator configured (Gmail's tokens go to
 *                     Google), never anywhere a person can type
 */
public record SecretUse(String label, @Nullable Secret secret, Set<Destination> destinations) {

    public SecretUse {
        destinations = Set.copyOf(destinations);
    }

    /** A secret sent to these destinations; absent ones (settings not valid yet) are left out. */
    public static SecretUse of(String label, @Nullable Secret secret, @Nullable Destination... destinations) {
        return new SecretUse(label, secret,
                Arrays.stream(destinations).filter(Objects::nonNull).collect(Collectors.toUnmodifiableSet()));
    }
}
