package cn.majordecision.shared;

import java.util.List;

/** A refusal a client can act on: a stable code, a Chinese message, and the offending fields if any. */
public class DomainException extends RuntimeException {

    /** What kind of refusal this is; the web layer maps it to an HTTP status. */
    public enum Kind { INVALID, FORBIDDEN, NOT_FOUND, CONFLICT, TOO_MANY_REQUESTS }

    private final Kind kind;
    private final String code;
    private final List<FieldViolation> violations;

    public DomainException(Kind kind, String code, String message, List<FieldViolation> violations) {
        super(message);
        this.kind = kind;
        this.code = code;
        this.violations = List.copyOf(violations);
    }

    public static DomainException invalid(List<FieldViolation> violations) {
        return new DomainException(Kind.INVALID, "VALIDATION_FAILED", "提交的内容有误，请按提示修改后重新提交。", violations);
    }

    public static DomainException invalid(String code, String message) {
        return new DomainException(Kind.INVALID, code, message, List.of());
    }

    public static DomainException notFound(String code, String message) {
        return new DomainException(Kind.NOT_FOUND, code, message, List.of());
    }

    public static DomainException forbidden(String code, String message) {
        return new DomainException(Kind.FORBIDDEN, code, message, List.of());
    }

    public static DomainException conflict(String code, String message) {
        return new DomainException(Kind.CONFLICT, code, message, List.of());
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
