package fetchbench.model;

import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Looking up the enum constant a parameter value names, for every enum the parameters use. */
public final class ParamNames {

    private ParamNames() {
    }

    /** The constant whose name is {@code value}; otherwise an error naming {@code what} and the allowed names. */
    public static <E> E byName(E[] constants, Function<E, String> name, String what, String value) {
        for (E constant : constants) {
            if (name.apply(constant).equals(value)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("unknown " + what + " '" + value + "'; allowed: "
                + allowedNames(constants, name));
    }

    public static <E> String allowedNames(E[] constants, Function<E, String> name) {
        return Arrays.stream(constants).map(name).collect(Collectors.joining(", "));
    }
}
