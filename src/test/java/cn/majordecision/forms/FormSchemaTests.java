package cn.majordecision.forms;

import static org.assertj.core.api.Assertions.assertThat;

import cn.majordecision.shared.FieldViolation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormSchemaTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FormSchema form = schema("""
            {"id": "sample", "type": "default", "components": [
              {"type": "text", "text": "说明"},
              {"type": "radio", "key": "decision", "label": "决定", "validate": {"required": true},
               "values": [{"label": "同意", "value": "yes"}, {"label": "不同意", "value": "no"}],
               "properties": {"outcome": "true"}},
              {"type": "textarea", "key": "reason", "label": "理由", "validate": {"maxLength": 5},
               "properties": {"requiredWhen": "decision=no"}},
              {"type": "textfield", "key": "code", "label": "编号", "validate": {"pattern": "^[A-Z]{2}$"}},
              {"type": "number", "key": "count", "label": "数量", "validate": {"min": 1, "max": 3}},
              {"type": "datetime", "subtype": "date", "key": "on", "label": "日期"},
              {"type": "checkbox", "key": "signed", "label": "已签字", "validate": {"required": true}},
              {"type": "dynamiclist", "path": "members", "label": "成员", "validate": {"required": true}, "components": [
                {"type": "textfield", "key": "name", "label": "姓名", "validate": {"required": true, "maxLength": 3}}
              ]}
            ]}""");

    @Test
    void acceptsACompleteSubmission() {
        assertThat(form.validate(valid())).isEmpty();
    }

    @Test
    void namesEveryOffendingFieldWithAChineseMessage() {
        // given
        Map<String, Object> data = Map.of("decision", "maybe", "code", "abc", "count", 9, "on", "2026-02-30",
                "signed", false, "members", List.of(Map.of("name", "欧阳长名字")), "extra", "x");

        // when
        List<FieldViolation> violations = form.validate(data);

        // then
        assertThat(violations).extracting(v -> v.field() + ":" + v.code()).containsExactlyInAnyOrder(
                "decision:OPTION", "code:PATTERN", "count:MAX", "on:DATE", "signed:REQUIRED",
                "members[0].name:MAX_LENGTH", "extra:UNKNOWN_FIELD");
        assertThat(violations).allSatisfy(v -> assertThat(v.message()).containsPattern("\\p{IsHan}"));
    }

    @Test
    void requiresAFieldOnlyForTheAnswerThatNeedsIt() {
        Map<String, Object> refused = new java.util.HashMap<>(valid());
        refused.put("decision", "no");
        assertThat(form.validate(refused)).extracting(FieldViolation::field).containsExactly("reason");
        refused.put("reason", "不符合规划");
        assertThat(form.validate(refused)).isEmpty();
    }

    @Test
    void countsCharactersNotBytesOrCodeUnits() {
        Map<String, Object> data = new java.util.HashMap<>(valid());
        data.put("members", List.of(Map.of("name", "𠮷𠮷𠮷")));
        assertThat(form.validate(data)).isEmpty();
    }

    @Test
    void refusesWrongTypesAndControlCharacters() {
        Map<String, Object> data = new java.util.HashMap<>(valid());
        data.put("count", "2");
        data.put("members", List.of("not an object"));
        data.put("reason", "a\u0000b");
        assertThat(form.validate(data)).extracting(v -> v.field() + ":" + v.code())
                .containsExactlyInAnyOrder("count:TYPE", "members[0]:TYPE", "reason:CONTROL_CHARACTER");
    }

    @Test
    void passesOnlyOutcomeFieldsToTheEngine() {
        assertThat(form.outcomes(valid())).containsOnly(Map.entry("decision", "yes"));
    }

    @Test
    void namesAStoredChoiceByItsLabelOnTheFormAtTopLevelAndInsideAList() throws Exception {
        // given
        FormSchema meeting = schema("""
                {"id": "m", "components": [
                  {"type": "select", "key": "meetingDecision", "label": "决定",
                   "values": [{"label": "通过", "value": "approve"}, {"label": "不予通过", "value": "reject"}]},
                  {"type": "checklist", "key": "channels", "label": "途径",
                   "values": [{"label": "政府网站", "value": "website"}, {"label": "公告栏", "value": "noticeBoard"}]},
                  {"type": "checkbox", "key": "confirmed", "label": "已确认"},
                  {"type": "dynamiclist", "path": "membersPresent", "label": "出席", "components": [
                    {"type": "textfield", "key": "name", "label": "姓名"},
                    {"type": "radio", "key": "view", "label": "意见",
                     "values": [{"label": "同意", "value": "support"}, {"label": "反对", "value": "oppose"}]}
                  ]}
                ]}""");

        // then
        assertThat(meeting.optionLabel("meetingDecision", "approve")).isEqualTo("通过");
        assertThat(meeting.optionLabel("membersPresent.view", "support")).isEqualTo("同意");
        assertThat(meeting.optionLabel("meetingDecision", "retired")).isEqualTo("retired");
        assertThat(meeting.display("channels", JSON.readTree("[\"website\",\"noticeBoard\"]"))).isEqualTo("政府网站、公告栏");
        assertThat(meeting.display("confirmed", JSON.readTree("true"))).isEqualTo("是");
        assertThat(meeting.display("membersPresent", JSON.readTree(
                "[{\"name\":\"张伟\",\"view\":\"support\"},{\"name\":\"李明\",\"view\":\"oppose\"}]")))
                .isEqualTo("1. 姓名：张伟；意见：同意\n2. 姓名：李明；意见：反对").doesNotContain("support");
    }

    @Test
    void requiresAFieldWhenAChecklistHoldsTheOptionItNames() {
        // given
        FormSchema publication = schema("""
                {"id": "p", "components": [
                  {"type": "checklist", "key": "channels", "label": "途径",
                   "values": [{"label": "政府公报", "value": "gazette"}, {"label": "政府网站", "value": "website"}]},
                  {"type": "textfield", "key": "gazetteIssue", "label": "公报期号",
                   "properties": {"requiredWhen": "channels=gazette"}}
                ]}""");

        // then
        assertThat(publication.validate(Map.of("channels", List.of("website")))).isEmpty();
        assertThat(publication.validate(Map.of("channels", List.of("website", "gazette"))))
                .extracting(v -> v.field() + ":" + v.code()).containsExactly("gazetteIssue:REQUIRED");
    }

    private static Map<String, Object> valid() {
        return Map.of("decision", "yes", "code", "AB", "count", 2, "on", "2026-03-01", "signed", true,
                "members", List.of(Map.of("name", "张三")));
    }

    private static FormSchema schema(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            return FormCatalog.parse(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
