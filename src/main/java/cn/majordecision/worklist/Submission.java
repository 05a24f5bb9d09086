package cn.majordecision.worklist;

import cn.majordecision.cases.DecisionCase;
import cn.majordecision.cases.StageRecord;
import cn.majordecision.forms.FormSchema;
import cn.majordecision.shared.Actor;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A task submission that passed its form's own checks, as the cross-field rules see it. A correction of a stored
 * record passes the same rules; it names the record it corrects, so a rule can hold what the process already acted
 * on (a correction completes no task and moves no gateway).
 */
public record Submission(TaskSnapshot task, DecisionCase decisionCase, FormSchema form, Map<String, Object> data,
        Actor actor, StageRecord corrected, Map<String, Object> before) {

    public Submission(TaskSnapshot task, DecisionCase decisionCase, FormSchema form, Map<String, Object> data,
            Actor actor) {
        this(task, decisionCase, form, data, actor, null, Map.of());
    }

    /** The correction of {@code corrected}, whose data (as last corrected) was {@code before}. */
    static Submission correcting(StageRecord corrected, Map<String, Object> before, TaskSnapshot task,
            DecisionCase decisionCase, FormSchema form, Map<String, Object> data, Actor actor) {
        return new Submission(task, decisionCase, form, data, actor, corrected, before);
    }

    /** Whether this is a correction of {@link #corrected()} rather than the completion of an open task. */
    public boolean isCorrection() {
        return corrected != null;
    }

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

    /** A text of the data before this correction (null for a first submission or a blank value). */
    public String textBefore(String key) {
        Object value = before.get(key);
        return value instanceof String text && !text.isBlank() ? text : null;
    }

    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> listBefore(String key) {
        Object value = before.get(key);
        return value instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    public String label(String key) {
        return "“" + form.label(key) + "”";
    }
}
