package cn.majordecision.worklist;

import cn.majordecision.cases.DecisionCase;
import cn.majordecision.forms.FormSchema;
import cn.majordecision.shared.Actor;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A task submission that passed its form's own checks, as the cross-field rules see it. */
public record Submission(TaskSnapshot task, DecisionCase decisionCase, FormSchema form, Map<String, Object> data,
        Actor actor) {

    public String formKey() {
        return task.formKey();
    }

    public String text(String key) {
        Object value = data.get(key);
        return value instanceof String text && !text.isBlank() ? text : null;
    }

    public LocalDate date(String key) {
        String text = text(key);
        return text == null ? null : LocalDate.parse(text);
    }

    public boolean checked(String key) {
        return Boolean.TRUE.equals(data.get(key));
    }

    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> list(String key) {
        Object value = data.get(key);
        return value instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    public String label(String key) {
        return "“" + form.label(key) + "”";
    }
}
