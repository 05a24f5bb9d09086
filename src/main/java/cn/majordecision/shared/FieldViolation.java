package cn.majordecision.shared;

/** One offending field: its path (e.g. {@code membersPresent[2].name}), a stable code and a Chinese message. */
public record FieldViolation(String field, String code, String message) {
}
