package cn.majordecision.forms;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One input of a form, with the constraints its JSON declares; {@code options} maps each value to its label. */
record FieldSpec(
        String key,
        String type,
        String subtype,
        String label,
        boolean required,
        Integer minLength,
        Integer maxLength,
        String pattern,
        BigDecimal min,
        BigDecimal max,
        Map<String, String> options,
        boolean outcome,
        String requiredWhen,
        List<FieldSpec> children) {

    /** The values a choice may take. */
    Set<String> values() {
        return options.keySet();
    }
}
