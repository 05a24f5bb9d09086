package cn.majordecision.shared;

/** Patterns for free text typed by people: no invisible control characters that could hide or forge content. */
public final class TextPatterns {

    /** One line: no control characters at all. */
    public static final String NO_CONTROL = "^[^\\p{Cc}]*$";

    /** Several lines: line breaks and tabs only. */
    public static final String NO_CONTROL_EXCEPT_NEWLINES = "^[^\\p{Cc}&&[^\\r\\n\\t]]*$";

    private TextPatterns() {
    }
}
