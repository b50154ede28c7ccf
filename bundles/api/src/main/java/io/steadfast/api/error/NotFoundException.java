package io.steadfast.api.error;

/** The object does not exist, or is not the caller's (the two are never told apart): 404. */
public class NotFoundException extends DomainException {

    private static final long serialVersionUID = 1L;

    /** @param what the kind of object, e.g. {@code "Habit"}: the message is "Habit not found" */
    public NotFoundException(String what) {
        super(what + " not found");
    }
}
