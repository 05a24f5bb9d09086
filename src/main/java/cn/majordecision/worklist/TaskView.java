package cn.majordecision.worklist;

import cn.majordecision.cases.DecisionCase;
import cn.majordecision.cases.DraftVersion;
import cn.majordecision.cases.ProcedureStep;
import cn.majordecision.cases.StageRecord;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** A task with what the reviewer needs: its form, the case, the current draft, the earlier results and the
 * statement of statutory steps performed or skipped (Art. 26); or, while a guard withholds them, none of these. */
public record TaskView(TaskSnapshot task, JsonNode form, DecisionCase decisionCase, DraftVersion currentDraft,
        List<StageRecord> earlierRecords, List<ProcedureStep> procedureStatement, boolean materialsWithheld) {
}
