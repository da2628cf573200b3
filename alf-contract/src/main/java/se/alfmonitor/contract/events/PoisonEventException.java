package se.alfmonitor.contract.events;

/**
 * The message can never be processed as it is (malformed envelope, unknown type, invalid data). It goes to the
 * topic's dead-letter topic instead of being retried.
 */
public class PoisonEventException extends RuntimeException {

    public PoisonEventException(String message) {
        super(message);
    }

    public PoisonEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
