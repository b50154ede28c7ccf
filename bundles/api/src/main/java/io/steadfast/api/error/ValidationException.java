package io.steadfast.api.error;

import java.util.List;

/** Thrown by a resource or service when input is well-formed but invalid; answered as 422 with the fields. */
public class ValidationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<FieldError> errors;

    public ValidationException(List<FieldError> errors) {
        super(summary(errors));
        this.errors = List.copyOf(errors);
    }

    public ValidationException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    private static String summary(List<FieldError> errors) {
        if (errors.isEmpty()) {
            return "Validation failed";
        }
        StringBuilder sb = new StringBuilder();
        for (FieldError e : errors) {
            if (sb.length() > 0) {
                sb.append("; ");
            }
            sb.append(e.field()).append(": ").append(e.message());
        }
        return sb.toString();
    }
}
