package cn.majordecision.shared.process;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * Which case a process instance runs for (its {@code caseId} variable, set when the instance starts and never
 * changed), remembered for the most recent instances: every task shown, claimed or completed needs it, and reading it
 * from the engine costs a query, or two inside a task listener. A value is never stale, so each node keeps its own.
 */
@Component
public class ProcessCaseIds {

    static final String VARIABLE = "caseId";
    private static final int REMEMBERED = 10_000;
    private static final int IN_CLAUSE_LIMIT = 500;

    private final RuntimeService runtime;
    private final Map<String, Long> remembered = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > REMEMBERED;
        }
    });

    ProcessCaseIds(RuntimeService runtime) {
        this.runtime = runtime;
    }

    /** The case ids of the running instances that have one. */
    public Map<String, Long> of(Collection<String> processInstanceIds) {
        Map<String, Long> found = new HashMap<>();
        List<String> missing = processInstanceIds.stream().distinct().filter(id -> {
            Long caseId = remembered.get(id);
            if (caseId != null) {
                found.put(id, caseId);
            }
            return caseId == null;
        }).toList();
        for (int from = 0; from < missing.size(); from += IN_CLAUSE_LIMIT) {
            List<String> chunk = missing.subList(from, Math.min(missing.size(), from + IN_CLAUSE_LIMIT));
            runtime.createVariableInstanceQuery().variableName(VARIABLE).processInstanceIdIn(chunk.toArray(String[]::new))
                    .list().stream()
                    .filter(v -> v.getValue() instanceof Number)
                    .forEach(v -> found.putIfAbsent(v.getProcessInstanceId(), ((Number) v.getValue()).longValue()));
        }
        missing.stream().filter(found::containsKey).forEach(id -> remembered.put(id, found.get(id)));
        return found;
    }

    /**
     * Inside the engine (a task listener): the remembered id, else what {@code read} finds, which must read the
     * instance's variable in the command itself, since a query cannot see an instance the command has just started.
     */
    public Long of(String processInstanceId, Supplier<Long> read) {
        Long caseId = remembered.get(processInstanceId);
        if (caseId == null) {
            caseId = read.get();
            if (caseId != null) {
                remembered.put(processInstanceId, caseId);
            }
        }
        return caseId;
    }
}
