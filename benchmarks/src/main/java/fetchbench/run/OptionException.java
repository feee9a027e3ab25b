package fetchbench.run;

/** A bad option: its message is the one line the user sees, naming the option and what is allowed. */
public final class OptionException extends Exception {
    public OptionException(String message) {
        super(message);
    }
}
