package cn.majordecision.worklist;

import cn.majordecision.cases.DecisionCase;
import cn.majordecision.cases.DraftVersion;
import cn.majordecision.cases.StageRecord;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** A task with what the reviewer needs: its form, the case, the current draft and the earlier results. */
public record TaskView(TaskSnapshot task, JsonNode form, DecisionCase decisionCase, DraftVersion currentDraft,
        List<StageRecord> earlierRecords) {
}
