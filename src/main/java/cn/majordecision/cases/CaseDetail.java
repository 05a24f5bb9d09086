package cn.majordecision.cases;

import java.util.List;

/** Everything the case view shows: the case, its drafts, stage records, skipped stages and open tasks. */
public record CaseDetail(DecisionCase decisionCase, List<DraftVersion> drafts, List<StageRecord> records,
        List<StageSkip> skips, List<OpenTask> openTasks) {
}
