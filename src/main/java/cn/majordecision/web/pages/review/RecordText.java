package cn.majordecision.web.pages.review;

import cn.majordecision.forms.FormCatalog;
import cn.majordecision.forms.FormSchema;
import cn.majordecision.shared.DomainException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** A recorded submission as people read it: the form's own labels, option labels instead of codes. */
@Component
public class RecordText {

    public record Line(String label, String value) {
    }

    private final FormCatalog forms;
    private final ObjectMapper mapper;
    private final MessageSource messages;

    RecordText(FormCatalog forms, ObjectMapper mapper, MessageSource messages) {
        this.forms = forms;
        this.mapper = mapper;
        this.messages = messages;
    }

    public List<Line> lines(String formKey, String payload) {
        if (formKey == null || payload == null) {
            return List.of();
        }
        JsonNode data;
        FormView form;
        FormSchema schema;
        try {
            data = mapper.readTree(payload);
            schema = forms.get(formKey);
            form = FormView.of(schema.json());
        } catch (JsonProcessingException | DomainException e) {
            return List.of(); // a record of a form no longer shipped is still in the case file and its API
        }
        List<Line> lines = new ArrayList<>();
        for (FormView.Component input : form.inputs()) {
            JsonNode value = data.path(input.key());
            if (!value.isMissingNode() && !value.isNull() && !(value.isTextual() && value.asText().isBlank())) {
                lines.add(new Line(input.label(), text(schema, input.key(), input, value)));
            }
        }
        return lines;
    }

    private String text(FormSchema schema, String path, FormView.Component input, JsonNode value) {
        if ("dynamiclist".equals(input.type()) && value.isArray()) {
            List<String> items = new ArrayList<>();
            int i = 1;
            for (JsonNode item : value) {
                String fields = input.children().stream().filter(FormView.Component::isInput)
                        .filter(child -> item.hasNonNull(child.key()))
                        .map(child -> child.label() + "：" + text(schema, path + "." + child.key(), child,
                                item.path(child.key())))
                        .collect(Collectors.joining("；"));
                items.add(i++ + ". " + fields);
            }
            return String.join("\n", items);
        }
        if (value.isBoolean()) {
            return message(value.asBoolean() ? "review.yes" : "review.no");
        }
        if (value.isArray()) {
            List<String> chosen = new ArrayList<>();
            value.forEach(v -> chosen.add(schema.optionLabel(path, v.asText())));
            return String.join("、", chosen);
        }
        return schema.optionLabel(path, value.asText());
    }

    private String message(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
