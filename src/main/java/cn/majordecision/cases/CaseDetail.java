package cn.majordecision.cases;

import java.util.List;

/** Everything the case view shows: the case, its drafts, stage records, skipped stages, flag revisions and open tasks. */
public record CaseDetail(DecisionCase decisionCase, List<DraftVersion> drafts, List<StageRecord> records,
        List<StageSkip> skips, List<FlagRevision> flagRevisions, List<RecordCorrection> corrections,
        List<OpenTask> openTasks) {
}
