package cn.majordecision.forms;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/** One input of a form, with the constraints its JSON declares. */
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
        Set<String> values,
        boolean outcome,
        String requiredWhen,
        List<FieldSpec> children) {
}
