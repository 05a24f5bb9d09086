package cn.majordecision.cases.process;

import cn.majordecision.cases.ProcessModels;
import cn.majordecision.cases.ProcessPath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Component;

/** Reads the deployed model and the activity history (history level full) of a case's main process instance. */
@Component
class CamundaProcessModels implements ProcessModels {

    /** The engine's wrapper around a multi-instance activity: not a shape on the diagram. */
    private static final String MULTI_INSTANCE_BODY = "#multiInstanceBody";

    private final RepositoryService repository;
    private final HistoryService history;

    CamundaProcessModels(RepositoryService repository, HistoryService history) {
        this.repository = repository;
        this.history = history;
    }

    @Override
    public Optional<String> modelXml(String processInstanceId) {
        HistoricProcessInstance instance = instance(processInstanceId);
        if (instance == null) {
            return Optional.empty();
        }
        try (InputStream model = repository.getProcessModel(instance.getProcessDefinitionId())) {
            return Optional.of(new String(model.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public ProcessPath path(String processInstanceId) {
        if (processInstanceId == null) {
            return new ProcessPath(List.of(), List.of());
        }
        Set<String> taken = new LinkedHashSet<>();
        Set<String> current = new LinkedHashSet<>();
        for (HistoricActivityInstance activity : history.createHistoricActivityInstanceQuery()
                .processInstanceId(processInstanceId)
                .orderByHistoricActivityInstanceStartTime().asc()
                .orderPartiallyByOccurrence().asc()
                .list()) {
            String id = activity.getActivityId();
            if (id == null || id.endsWith(MULTI_INSTANCE_BODY)) {
                continue;
            }
            (activity.getEndTime() == null ? current : taken).add(id);
        }
        // an activity entered again (a revision loop) is current, not merely taken
        taken.removeAll(current);
        return new ProcessPath(List.copyOf(taken), List.copyOf(current));
    }

    private HistoricProcessInstance instance(String processInstanceId) {
        return processInstanceId == null ? null
                : history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
    }
}
