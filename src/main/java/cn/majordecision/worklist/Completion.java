package cn.majordecision.worklist;

import cn.majordecision.cases.OpenTask;
import cn.majordecision.cases.StageRecord;
import java.util.List;

/** A completed task: its record, and the tasks of the case that are open now (what happens next). */
public record Completion(StageRecord record, List<OpenTask> nextTasks) {
}
