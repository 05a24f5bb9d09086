package cn.majordecision.forms;

import cn.majordecision.shared.DomainException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;

/** The forms of {@code forms/}, read once at start-up; the same files the engine deploys. */
@Service
public class FormCatalog implements OptionLabels {

    private static final Set<String> DISPLAY_ONLY = Set.of("text", "separator", "spacer", "image", "html", "button",
            "iframe", "table", "documentPreview");

    private final Map<String, FormSchema> forms;

    public FormCatalog(ObjectMapper mapper) {
        this.forms = Collections.unmodifiableMap(load(mapper));
    }

    public FormSchema get(String formId) {
        FormSchema form = forms.get(formId);
        if (form == null) {
            throw DomainException.notFound("FORM_NOT_FOUND", "找不到表单“" + formId + "”。");
        }
        return form;
    }

    /** The option's label on the form; as stored when the form or the option is no longer shipped. */
    @Override
    public String label(String formKey, String path, String value) {
        FormSchema form = forms.get(formKey);
        return form == null ? value : form.optionLabel(path, value);
    }

    private static Map<String, FormSchema> load(ObjectMapper mapper) {
        Map<String, FormSchema> loaded = new HashMap<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
                try (InputStream in = resource.getInputStream()) {
                    FormSchema form = parse(mapper.readTree(in));
                    loaded.put(form.id(), form);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the task forms", e);
        }
        return loaded;
    }

    static FormSchema parse(JsonNode json) {
        return new FormSchema(json.path("id").asText(), json, fields(json.path("components")));
    }

    private static List<FieldSpec> fields(JsonNode components) {
        List<FieldSpec> fields = new ArrayList<>();
        for (JsonNode component : components) {
            String type = component.path("type").asText();
            if (DISPLAY_ONLY.contains(type)) {
                continue;
            }
            if ("group".equals(type) && !component.hasNonNull("path")) {
                fields.addAll(fields(component.path("components")));
                continue;
            }
            fields.add(field(component, type));
        }
        return fields;
    }

    private static FieldSpec field(JsonNode component, String type) {
        JsonNode validate = component.path("validate");
        JsonNode properties = component.path("properties");
        boolean list = "dynamiclist".equals(type) || "group".equals(type);
        String key = list ? component.path("path").asText() : component.path("key").asText();
        Map<String, String> options = new LinkedHashMap<>();
        component.path("values").forEach(option -> options.put(option.path("value").asText(),
                option.path("label").asText(option.path("value").asText())));
        return new FieldSpec(
                key,
                type,
                text(component, "subtype"),
                component.path("label").asText(key),
                validate.path("required").asBoolean(false),
                integer(validate, "minLength"),
                integer(validate, "maxLength"),
                text(validate, "pattern"),
                decimal(validate, "min"),
                decimal(validate, "max"),
                Collections.unmodifiableMap(options),
                "true".equals(properties.path("outcome").asText()),
                text(properties, "requiredWhen"),
                list ? fields(component.path("components")) : List.of());
    }

    private static String text(JsonNode node, String name) {
        return node.hasNonNull(name) && !node.path(name).asText().isEmpty() ? node.path(name).asText() : null;
    }

    private static Integer integer(JsonNode node, String name) {
        return node.hasNonNull(name) ? node.path(name).asInt() : null;
    }

    private static BigDecimal decimal(JsonNode node, String name) {
        return node.hasNonNull(name) ? node.path(name).decimalValue() : null;
    }
}
