package cn.majordecision.database.process;

import java.util.Set;
import org.camunda.bpm.engine.impl.history.AbstractHistoryLevel;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.IncidentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;

/**
 * The engine history our procedures need (ADR 0026): for our own processes the engine keeps what the activity level
 * keeps (process, activity and task instances, which the case page's diagram, the repair rules and task lookups read)
 * and incidents (which operators read); variables, their updates, identity links and job logs are left out, because
 * the stage records and the audit log keep who did what, when and with which data, and keep it tamper-evident. Any
 * other process (one an operator deploys) gets the full history a plain Camunda keeps.
 */
final class RecordsHistoryLevel extends AbstractHistoryLevel {

    static final int ID = 21;
    static final String NAME = "decision-records";

    private final Set<String> ourProcessKeys;

    RecordsHistoryLevel(Set<String> ourProcessKeys) {
        this.ourProcessKeys = Set.copyOf(ourProcessKeys);
    }

    @Override
    public int getId() {
        return ID;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
        if (HistoryLevel.HISTORY_LEVEL_ACTIVITY.isHistoryEventProduced(eventType, entity) || isIncident(eventType)) {
            return true;
        }
        String definitionId = processDefinitionId(entity);
        return definitionId == null || !ourProcessKeys.contains(keyOf(definitionId))
                ? HistoryLevel.HISTORY_LEVEL_FULL.isHistoryEventProduced(eventType, entity)
                : false;
    }

    private static boolean isIncident(HistoryEventType eventType) {
        return eventType == HistoryEventTypes.INCIDENT_CREATE || eventType == HistoryEventTypes.INCIDENT_RESOLVE
                || eventType == HistoryEventTypes.INCIDENT_DELETE || eventType == HistoryEventTypes.INCIDENT_MIGRATE
                || eventType == HistoryEventTypes.INCIDENT_UPDATE;
    }

    /** The process definition an engine entity belongs to, where the entity says; null when it does not. */
    private static String processDefinitionId(Object entity) {
        if (entity instanceof ExecutionEntity execution) {
            return execution.getProcessDefinitionId();
        }
        if (entity instanceof TaskEntity task) {
            return task.getProcessDefinitionId();
        }
        if (entity instanceof VariableInstanceEntity variable) {
            return variable.getProcessDefinitionId();
        }
        if (entity instanceof IdentityLinkEntity link) {
            return link.getProcessDefId();
        }
        if (entity instanceof JobEntity job) {
            return job.getProcessDefinitionId();
        }
        if (entity instanceof IncidentEntity incident) {
            return incident.getProcessDefinitionId();
        }
        return null;
    }

    /**
     * The engine names a definition "key:version:id" whenever that fits its 64 characters, which it does for every
     * key of ours; an id without the key is therefore not one of ours.
     */
    private static String keyOf(String definitionId) {
        int colon = definitionId.indexOf(':');
        return colon < 0 ? "" : definitionId.substring(0, colon);
    }
}
