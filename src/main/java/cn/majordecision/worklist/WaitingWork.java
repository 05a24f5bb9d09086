package cn.majordecision.worklist;

import java.time.Instant;
import java.util.List;

/**
 * Something owed outside the engine's tasks (an answer to a problem report of Art. 35), listed in the deadline report
 * until it is done: what it is, on which case, which groups owe it and since when. It has no statutory due date.
 */
public record WaitingWork(String id, String name, String kind, String stageLabel, Long caseId,
        List<String> candidateGroups, Instant since) {

    /** The modules that keep such work provide it; the deadline report asks each of them. */
    public interface Source {
        List<WaitingWork> waiting();
    }
}
