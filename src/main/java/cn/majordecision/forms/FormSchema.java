package cn.majordecision.forms;

import cn.majordecision.shared.FieldViolation;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A Camunda Form read as a schema. Camunda does not validate form submissions, so this does: required fields,
 * types, lengths (in characters, so 𠮷 counts once), patterns, ranges, option values, unknown fields, and the
 * {@code requiredWhen} property ("other=value1|value2") for fields required only for some answers.
 */
public final class FormSchema {

    static final int DEFAULT_TEXTFIELD_MAX = 200;
    static final int DEFAULT_TEXTAREA_MAX = 20_000;
    static final int MAX_LIST_ITEMS = 500;
    private static final Pattern CONTROL_CHARACTERS = Pattern.compile("[\\p{Cc}&&[^\\r\\n\\t]]");

    private final String id;
    private final JsonNode json;
    private final List<FieldSpec> fields;

    FormSchema(String id, JsonNode json, List<FieldSpec> fields) {
        this.id = id;
        this.json = json;
        this.fields = List.copyOf(fields);
    }

    public String id() {
        return id;
    }

    /** The form as Camunda Forms renders it. */
    public JsonNode json() {
        return json;
    }

    /** Every violation in {@code data}; empty when the submission is valid. */
    public List<FieldViolation> validate(Map<String, Object> data) {
        List<FieldViolation> violations = new ArrayList<>();
        validateLevel(fields, data, data, "", violations);
        return violations;
    }

    /** The values of the fields marked as process outcomes, which the engine's gateways read. */
    public Map<String, Object> outcomes(Map<String, Object> data) {
        Map<String, Object> outcomes = new LinkedHashMap<>();
        for (FieldSpec field : fields) {
            if (field.outcome()) {
                Object value = data.get(field.key());
                outcomes.put(field.key(), "checkbox".equals(field.type()) ? Boolean.TRUE.equals(value) : value);
            }
        }
        return outcomes;
    }

    /** Chinese label of a top-level field, for messages of the cross-field rules. */
    public String label(String key) {
        return fields.stream().filter(f -> f.key().equals(key)).map(FieldSpec::label).findFirst().orElse(key);
    }

    /**
     * The label the form gives an option of a field, the one way to show a stored choice to people: {@code path} is a
     * top-level key ({@code legalityConclusion}) or a key inside a list's rows ({@code membersPresent.view}). A value
     * the form does not list (an option since removed) is shown as stored.
     */
    public String optionLabel(String path, String value) {
        if (value == null) {
            return null;
        }
        return spec(path).map(spec -> spec.options().getOrDefault(value, value)).orElse(value);
    }

    /**
     * A stored value as people read it: options by their labels (a checklist's joined with "、"), yes/no for a box,
     * a list's rows one a line with each field's label; anything else as stored.
     */
    public String display(String path, JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "";
        }
        Optional<FieldSpec> spec = spec(path);
        if (value.isBoolean()) {
            return value.asBoolean() ? "是" : "否";
        }
        if (value.isArray() && spec.isPresent() && !spec.get().children().isEmpty()) {
            List<String> rows = new ArrayList<>();
            int i = 1;
            for (JsonNode row : value) {
                List<String> cells = new ArrayList<>();
                for (FieldSpec child : spec.get().children()) {
                    JsonNode cell = row.path(child.key());
                    if (!cell.isMissingNode() && !cell.isNull() && !(cell.isTextual() && cell.asText().isBlank())) {
                        cells.add(child.label() + "：" + display(path + "." + child.key(), cell));
                    }
                }
                rows.add(i++ + ". " + String.join("；", cells));
            }
            return String.join("\n", rows);
        }
        if (value.isArray()) {
            List<String> chosen = new ArrayList<>();
            value.forEach(v -> chosen.add(v.isValueNode() ? optionLabel(path, v.asText()) : v.toString()));
            return String.join("、", chosen);
        }
        return value.isValueNode() ? optionLabel(path, value.asText()) : value.toString();
    }

    /** The field at {@code path}: a top-level key, or "list.key" for a field of a list's rows. */
    private Optional<FieldSpec> spec(String path) {
        List<FieldSpec> level = fields;
        FieldSpec found = null;
        for (String key : path.split("\\.")) {
            found = level.stream().filter(f -> f.key().equals(key)).findFirst().orElse(null);
            if (found == null) {
                return Optional.empty();
            }
            level = found.children();
        }
        return Optional.ofNullable(found);
    }

    private void validateLevel(List<FieldSpec> specs, Map<String, Object> level, Map<String, Object> root,
            String prefix, List<FieldViolation> violations) {
        Set<String> known = new HashSet<>();
        for (FieldSpec spec : specs) {
            known.add(spec.key());
            String path = prefix + spec.key();
            Object value = level.get(spec.key());
            if (isEmpty(value)) {
                if (spec.required() || requiredByAnswer(spec, level, root)) {
                    violations.add(new FieldViolation(path, "REQUIRED", "“" + spec.label() + "”为必填项。"));
                }
                continue;
            }
            validateValue(spec, value, path, root, violations);
        }
        for (String key : level.keySet()) {
            if (!known.contains(key)) {
                violations.add(new FieldViolation(prefix + key, "UNKNOWN_FIELD", "表单中没有“" + key + "”这一项，请勿提交多余字段。"));
            }
        }
    }

    private void validateValue(FieldSpec spec, Object value, String path, Map<String, Object> root,
            List<FieldViolation> violations) {
        String label = "“" + spec.label() + "”";
        switch (spec.type()) {
            case "textfield", "textarea" -> {
                if (!(value instanceof String text)) {
                    violations.add(new FieldViolation(path, "TYPE", label + "应为文字。"));
                    return;
                }
                validateText(spec, text, path, label, violations);
            }
            case "number" -> {
                if (!(value instanceof Number number)) {
                    violations.add(new FieldViolation(path, "TYPE", label + "应为数字。"));
                    return;
                }
                BigDecimal decimal = new BigDecimal(number.toString());
                if (spec.min() != null && decimal.compareTo(spec.min()) < 0) {
                    violations.add(new FieldViolation(path, "MIN", label + "不能小于 " + spec.min().toPlainString() + "。"));
                }
                if (spec.max() != null && decimal.compareTo(spec.max()) > 0) {
                    violations.add(new FieldViolation(path, "MAX", label + "不能大于 " + spec.max().toPlainString() + "。"));
                }
            }
            case "select", "radio" -> {
                if (!(value instanceof String option) || !spec.values().contains(option)) {
                    violations.add(new FieldViolation(path, "OPTION", label + "的取值不在可选范围内。"));
                }
            }
            case "checkbox" -> {
                if (!(value instanceof Boolean checked)) {
                    violations.add(new FieldViolation(path, "TYPE", label + "应为是或否。"));
                } else if (spec.required() && !checked) {
                    violations.add(new FieldViolation(path, "REQUIRED", label + "须确认勾选。"));
                }
            }
            case "checklist" -> {
                if (!(value instanceof Collection<?> chosen) || !chosen.stream().allMatch(spec.values()::contains)) {
                    violations.add(new FieldViolation(path, "OPTION", label + "含有不在可选范围内的选项。"));
                } else if (new HashSet<>(chosen).size() != chosen.size()) {
                    violations.add(new FieldViolation(path, "DUPLICATE", label + "中有重复的选项。"));
                }
            }
            case "datetime" -> validateDate(spec, value, path, label, violations);
            case "dynamiclist", "group" -> validateList(spec, value, path, root, label, violations);
            default -> violations.add(new FieldViolation(path, "UNSUPPORTED", label + "的类型无法校验。"));
        }
    }

    private void validateText(FieldSpec spec, String text, String path, String label, List<FieldViolation> violations) {
        int length = text.codePointCount(0, text.length());
        int max = spec.maxLength() != null ? spec.maxLength()
                : "textarea".equals(spec.type()) ? DEFAULT_TEXTAREA_MAX : DEFAULT_TEXTFIELD_MAX;
        if (length > max) {
            violations.add(new FieldViolation(path, "MAX_LENGTH", label + "最多 " + max + " 个字，现有 " + length + " 个字。"));
        }
        if (spec.minLength() != null && length < spec.minLength()) {
            violations.add(new FieldViolation(path, "MIN_LENGTH", label + "至少 " + spec.minLength() + " 个字。"));
        }
        if (CONTROL_CHARACTERS.matcher(text).find()) {
            violations.add(new FieldViolation(path, "CONTROL_CHARACTER", label + "含有不可见的控制字符。"));
        }
        if (spec.pattern() != null && !Pattern.compile(spec.pattern()).matcher(text).matches()) {
            violations.add(new FieldViolation(path, "PATTERN", label + "格式不正确。"));
        }
    }

    private static void validateDate(FieldSpec spec, Object value, String path, String label,
            List<FieldViolation> violations) {
        if (!(value instanceof String text)) {
            violations.add(new FieldViolation(path, "TYPE", label + "应为日期。"));
            return;
        }
        try {
            switch (spec.subtype() == null ? "date" : spec.subtype()) {
                case "time" -> LocalTime.parse(text);
                case "datetime" -> OffsetDateTime.parse(text);
                default -> LocalDate.parse(text);
            }
        } catch (DateTimeParseException e) {
            violations.add(new FieldViolation(path, "DATE", label + "应为 YYYY-MM-DD 格式的日期。"));
        }
    }

    @SuppressWarnings("unchecked")
    private void validateList(FieldSpec spec, Object value, String path, Map<String, Object> root, String label,
            List<FieldViolation> violations) {
        if (!(value instanceof List<?> items)) {
            violations.add(new FieldViolation(path, "TYPE", label + "应为列表。"));
            return;
        }
        if (items.size() > MAX_LIST_ITEMS) {
            violations.add(new FieldViolation(path, "TOO_MANY", label + "最多 " + MAX_LIST_ITEMS + " 项。"));
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof Map<?, ?> item) {
                validateLevel(spec.children(), (Map<String, Object>) item, root, path + "[" + i + "].", violations);
            } else {
                violations.add(new FieldViolation(path + "[" + i + "]", "TYPE", label + "第 " + (i + 1) + " 项格式不正确。"));
            }
        }
    }

    private static boolean requiredByAnswer(FieldSpec spec, Map<String, Object> level, Map<String, Object> root) {
        if (spec.requiredWhen() == null) {
            return false;
        }
        String[] condition = spec.requiredWhen().split("=", 2);
        Object answer = level.containsKey(condition[0]) ? level.get(condition[0]) : root.get(condition[0]);
        Set<String> answers = Set.of(condition[1].split("\\|"));
        if (answer instanceof Collection<?> chosen) {
            // a checklist: required when any of the named options is chosen
            return chosen.stream().map(String::valueOf).anyMatch(answers::contains);
        }
        String answered = answer == null ? "" : String.valueOf(answer);
        if (answer == null && condition[1].contains("false")) {
            answered = "false";
        }
        return answers.contains(answered);
    }

    static boolean isEmpty(Object value) {
        return value == null
                || value instanceof String text && text.isBlank()
                || value instanceof Collection<?> collection && collection.isEmpty();
    }
}
