package cn.majordecision.meeting;

import cn.majordecision.cases.CaseService;
import cn.majordecision.cases.DecisionCase;
import cn.majordecision.cases.DraftVersion;
import cn.majordecision.cases.Stage;
import cn.majordecision.cases.StageRecord;
import cn.majordecision.consultation.OpinionAdoption;
import cn.majordecision.meeting.MeetingPack.Item;
import cn.majordecision.meeting.MeetingPack.Status;
import cn.majordecision.shared.Actor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assembles the meeting pack of Art. 29 from the records: the draft, how public and expert opinions were adopted,
 * the risk report, the legality opinion, and the fair-competition review when the case touches market actors. A
 * skipped stage shows its lawful reason instead of a gap.
 */
@Service
@Transactional(readOnly = true)
public class MeetingPackService {

    private final CaseService cases;
    private final OpinionAdoption adoption;
    private final ObjectMapper mapper;

    MeetingPackService(CaseService cases, OpinionAdoption adoption, ObjectMapper mapper) {
        this.cases = cases;
        this.adoption = adoption;
        this.mapper = mapper;
    }

    public MeetingPack pack(String number, Actor reader) {
        DecisionCase decisionCase = cases.read(number, reader);
        Long id = decisionCase.getId();
        List<StageRecord> records = cases.records(id, reader);
        List<Item> items = new ArrayList<>();
        Optional<DraftVersion> draft = cases.currentDraft(id);
        items.add(draft.map(d -> new Item("draft", "决策草案及起草说明", Status.INCLUDED, "第 " + d.getVersionNumber() + " 稿",
                        null, d.getVersionNumber(), json(d)))
                .orElse(missing("draft", "决策草案及起草说明")));
        items.add(fromStage(id, records, "publicOpinions", "公众意见采纳情况", "handle-public-opinions", Stage.PUBLIC_PARTICIPATION));
        items.add(fromStage(id, records, "expertOpinions", "专家论证意见采纳情况", "record-expert-adoption", Stage.EXPERT_REVIEW));
        items.add(fromStage(id, records, "riskReport", "社会稳定风险评估报告", "assess-risk", Stage.RISK_ASSESSMENT));
        items.add(latest(records, "legalOpinion", "法律顾问、公职律师法律意见", "give-legal-opinion"));
        items.add(latest(records, "legalityOpinion", "合法性审查意见", "conclude-legality"));
        if (decisionCase.getFlags().marketActivity()) {
            items.add(latest(records, "fairCompetition", "公平竞争审查意见", "submit-legality-package"));
        } else {
            items.add(new Item("fairCompetition", "公平竞争审查意见", Status.NOT_APPLICABLE, "本事项不涉及市场主体经济活动。",
                    null, null, null));
        }
        return new MeetingPack(decisionCase.getNumber(), decisionCase.getTitle(), decisionCase.getCurrentDraftVersion(),
                items, adoption.table(decisionCase));
    }

    private Item fromStage(Long caseId, List<StageRecord> records, String key, String title, String form, Stage stage) {
        Item item = latest(records, key, title, form);
        if (item.status() != Status.MISSING) {
            return item;
        }
        return cases.skipOf(caseId, stage)
                .map(skip -> new Item(key, title, Status.SKIPPED, skip.getReason(), null, null, null))
                .orElse(item);
    }

    private static Item latest(List<StageRecord> records, String key, String title, String form) {
        for (int i = records.size() - 1; i >= 0; i--) {
            StageRecord record = records.get(i);
            if (form.equals(record.getFormKey())) {
                return new Item(key, title, Status.INCLUDED, record.getActorName() + "，" + record.getTaskName(),
                        record.getId(), record.getDraftVersion(), record.getPayload());
            }
        }
        return missing(key, title);
    }

    private static Item missing(String key, String title) {
        return new Item(key, title, Status.MISSING, "尚无此项材料。", null, null, null);
    }

    private String json(DraftVersion draft) {
        Map<String, String> value = new LinkedHashMap<>();
        value.put("text", draft.getText());
        value.put("explanation", draft.getExplanation());
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Strings always serialise", e);
        }
    }
}
