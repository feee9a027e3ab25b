package fetchbench.workload;

/** An operation that did not get the results it should have. */
public final class IncompleteResultException extends IllegalStateException {

    public IncompleteResultException(String message) {
        super(message);
    }
}
