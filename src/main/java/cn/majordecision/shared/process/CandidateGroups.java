package cn.majordecision.shared.process;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The candidate groups of open tasks, many tasks in one statement. Read from the engine's identity link table
 * directly: the engine's own call ({@code TaskService.getIdentityLinksForTask}) takes one task at a time and checks
 * read permission first, which selects the task, its execution and its process definition again, so four statements
 * a task on every task we show or work on; our calls run without an engine authentication, so that check passes anyway.
 */
@Component
public class CandidateGroups {

    /** Keeps IN lists well below every database's limit. */
    private static final int IN_CLAUSE_LIMIT = 500;

    private final JdbcTemplate jdbc;

    CandidateGroups(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Each task's candidate groups in name order; a task without any is absent. */
    public Map<String, List<String>> of(Collection<String> taskIds) {
        List<String> ids = List.copyOf(taskIds);
        Map<String, List<String>> groups = new HashMap<>();
        for (int from = 0; from < ids.size(); from += IN_CLAUSE_LIMIT) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IN_CLAUSE_LIMIT));
            jdbc.query("SELECT TASK_ID_, GROUP_ID_ FROM ACT_RU_IDENTITYLINK WHERE TYPE_ = ? AND GROUP_ID_ IS NOT NULL"
                    + " AND TASK_ID_ IN (" + String.join(",", Collections.nCopies(chunk.size(), "?")) + ")"
                    + " ORDER BY TASK_ID_, GROUP_ID_", (ResultSet row) -> {
                        groups.computeIfAbsent(row.getString(1), id -> new ArrayList<>()).add(row.getString(2));
                    }, Stream.concat(Stream.of(IdentityLinkType.CANDIDATE), chunk.stream()).toArray());
        }
        return groups;
    }
}
