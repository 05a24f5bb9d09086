package cn.majordecision.shared.process;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

/**
 * The key of a deployed process definition and the form keys of its user tasks, read once per definition: a deployed
 * definition never changes, and the engine's own lookups (by id, or a task query's {@code initializeFormKeys}) select
 * the definition row again on every call outside a command.
 */
@Component
public class ProcessDefinitionKeys {

    private final RepositoryService repository;
    private final Map<String, String> keys = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> formKeys = new ConcurrentHashMap<>();

    ProcessDefinitionKeys(RepositoryService repository) {
        this.repository = repository;
    }

    public String keyOf(String processDefinitionId) {
        return keys.computeIfAbsent(processDefinitionId, id -> repository.getProcessDefinition(id).getKey());
    }

    /** The form of a user task ({@code camunda:formRef}, else {@code camunda:formKey}); null when it has none. */
    public String formKeyOf(String processDefinitionId, String taskDefinitionKey) {
        return formKeys.computeIfAbsent(processDefinitionId, this::readFormKeys).get(taskDefinitionKey);
    }

    private Map<String, String> readFormKeys(String processDefinitionId) {
        Map<String, String> forms = new HashMap<>();
        for (UserTask task : repository.getBpmnModelInstance(processDefinitionId).getModelElementsByType(UserTask.class)) {
            String form = task.getCamundaFormRef() != null ? task.getCamundaFormRef() : task.getCamundaFormKey();
            if (form != null) {
                forms.put(task.getId(), form);
            }
        }
        return Map.copyOf(forms);
    }
}
