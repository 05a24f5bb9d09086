package cn.majordecision.forms;

/**
 * The label a form gives an option of one of its fields: the one way a stored choice is shown to people
 * ({@link FormSchema#optionLabel}), for code that judges or counts records without holding the forms.
 */
@FunctionalInterface
public interface OptionLabels {

    /** The options' own values, for tests that read records without the forms. */
    OptionLabels VALUES = (formKey, path, value) -> value;

    /** The label of {@code value} of the field at {@code path} ("field" or "list.field") of form {@code formKey}. */
    String label(String formKey, String path, String value);
}
