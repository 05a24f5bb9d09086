package cn.majordecision.web.pages.review;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A task's Camunda Form as the page renders it: the same {@code forms/*.form} schema the server validates a
 * submission against, so the names of the inputs are the paths of the API's {@code errors[].field}
 * ({@code risks[0].measures}) and a problem lands next to the input it is about.
 */
record FormView(String id, List<Component> components) {

    /** One component of the form; {@code children} are the inputs of one row of a dynamic list. */
    record Component(String type, String key, String label, String description, boolean required, Integer minLength,
            Integer maxLength, String min, String max, String pattern, String subtype, List<Option> options,
            List<TextBlock> text, List<Component> children, int repetitions, String hide, String requiredWhen,
            Integer decimalDigits) {

        public boolean isInput() {
            return !"text".equals(type) && !"separator".equals(type) && !"dynamiclist".equals(type);
        }
    }

    record Option(String value, String label) {
    }

    /** A paragraph of a text component; the forms use only "### " headings and paragraphs of their Markdown. */
    record TextBlock(boolean heading, String text) {
    }

    static FormView of(JsonNode form) {
        return new FormView(form.path("id").asText(), components(form.path("components")));
    }

    /** The top-level inputs by key, for showing a recorded submission with the form's own labels. */
    List<Component> inputs() {
        List<Component> inputs = new ArrayList<>();
        for (Component component : components) {
            if (component.isInput() || "dynamiclist".equals(component.type())) {
                inputs.add(component);
            }
        }
        return inputs;
    }

    private static List<Component> components(JsonNode components) {
        List<Component> list = new ArrayList<>();
        for (JsonNode c : components) {
            String type = c.path("type").asText();
            if ("group".equals(type) && !c.hasNonNull("path")) {
                list.addAll(components(c.path("components")));
                continue;
            }
            list.add(component(c, type));
        }
        return list;
    }

    private static Component component(JsonNode c, String type) {
        JsonNode validate = c.path("validate");
        boolean list = "dynamiclist".equals(type) || "group".equals(type);
        List<Option> options = new ArrayList<>();
        c.path("values").forEach(o -> options.add(new Option(o.path("value").asText(), o.path("label").asText())));
        String key = list ? c.path("path").asText() : c.path("key").asText(null);
        return new Component(list ? "dynamiclist" : type, key, c.path("label").asText(key), text(c, "description"),
                validate.path("required").asBoolean(false), integer(validate, "minLength"),
                integer(validate, "maxLength"), text(validate, "min"), text(validate, "max"), text(validate, "pattern"),
                text(c, "subtype"), options, "text".equals(type) ? blocks(c.path("text").asText()) : List.of(),
                list ? components(c.path("components")) : List.of(),
                Math.max(1, c.path("defaultRepetitions").asInt(1)), text(c.path("conditional"), "hide"),
                text(c.path("properties"), "requiredWhen"), integer(c, "decimalDigits"));
    }

    private static List<TextBlock> blocks(String markdown) {
        List<TextBlock> blocks = new ArrayList<>();
        for (String paragraph : markdown.split("\\n\\s*\\n")) {
            String trimmed = paragraph.strip();
            if (trimmed.startsWith("#")) {
                blocks.add(new TextBlock(true, trimmed.replaceFirst("^#+\\s*", "")));
            } else if (!trimmed.isEmpty()) {
                blocks.add(new TextBlock(false, trimmed));
            }
        }
        return blocks;
    }

    private static String text(JsonNode node, String name) {
        return node.hasNonNull(name) && !node.path(name).asText().isEmpty() ? node.path(name).asText() : null;
    }

    private static Integer integer(JsonNode node, String name) {
        return node.hasNonNull(name) ? node.path(name).asInt() : null;
    }
}
