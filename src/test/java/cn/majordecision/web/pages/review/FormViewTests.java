package cn.majordecision.web.pages.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Every task form renders: each component type used in forms/ is one the task page knows how to draw. */
class FormViewTests {

    private static final Set<String> RENDERED = Set.of("text", "separator", "textfield", "textarea", "number", "select",
            "radio", "checkbox", "checklist", "datetime", "dynamiclist");

    @Test
    void everyComponentOfEveryTaskFormIsOneThePageRenders() throws IOException {
        // given
        List<FormView> forms = new ArrayList<>();
        ObjectMapper mapper = new ObjectMapper();
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
            try (InputStream in = resource.getInputStream()) {
                forms.add(FormView.of(mapper.readTree(in)));
            }
        }

        // when
        List<FormView.Component> all = new ArrayList<>();
        forms.forEach(form -> form.components().forEach(c -> {
            all.add(c);
            all.addAll(c.children());
        }));

        // then
        assertThat(forms).hasSizeGreaterThanOrEqualTo(25);
        assertThat(all).extracting(FormView.Component::type).allMatch(RENDERED::contains);
        assertThat(all).filteredOn(c -> c.isInput() || "dynamiclist".equals(c.type()))
                .allSatisfy(c -> assertThat(c.key()).as(c.label()).isNotBlank());
    }

    @Test
    void aTextComponentBecomesItsHeadingAndParagraphs() {
        // given
        var json = new ObjectMapper().createObjectNode().put("id", "x");
        json.putArray("components").addObject().put("type", "text").put("text", "### 风险评估\n\n第一段。\n\n第二段。");

        // when
        FormView form = FormView.of(json);

        // then
        assertThat(form.components().get(0).text()).containsExactly(new FormView.TextBlock(true, "风险评估"),
                new FormView.TextBlock(false, "第一段。"), new FormView.TextBlock(false, "第二段。"));
    }
}
