package cn.majordecision.database.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;

/**
 * The engine keeps, for our processes, the history the case page and the repair rules read and not the variable
 * history our records keep; other processes keep full history; a database set up at full moves to this level.
 */
class RecordsHistoryLevelTests {

    @Test
    void aDatabaseSetUpAtFullHistoryStartsAtOurLevelAndKeepsLessForOurProcessesOnly() {
        String url = "jdbc:h2:mem:history-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        // given a database the engine set up at the full level, as every one before this level was
        engine(url, ProcessEngineConfiguration.HISTORY_FULL, false).close();

        // when the engine starts on it at our level
        ProcessEngine engine = engine(url, RecordsHistoryLevel.NAME, true);
        try {
            // then it started (no level mismatch) at our level
            assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getHistoryLevel().getName())
                    .isEqualTo(RecordsHistoryLevel.NAME);
            String ours = startOneTask(engine, "decision-case");
            String other = startOneTask(engine, "an-operators-process");

            // our process: activity and task history, no variable history
            assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(ours).count())
                    .isPositive();
            assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(ours).count())
                    .isEqualTo(1);
            assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(ours).count())
                    .isZero();
            // any other process: full history, variables included
            assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(other).count())
                    .isEqualTo(1);
        } finally {
            engine.close();
        }
    }

    private static String startOneTask(ProcessEngine engine, String key) {
        BpmnModelInstance model = Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1)
                .startEvent().userTask("Task_One").endEvent().done();
        engine.getRepositoryService().createDeployment().addModelInstance(key + ".bpmn", model).deploy();
        String id = engine.getRuntimeService().startProcessInstanceByKey(key, Map.of("caseId", 7L)).getId();
        engine.getTaskService().complete(engine.getTaskService().createTaskQuery().processInstanceId(id).singleResult()
                .getId());
        return id;
    }

    private static ProcessEngine engine(String url, String history, boolean withPlugin) {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setJdbcUrl(url);
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        configuration.setJobExecutorActivate(false);
        configuration.setProcessEngineName("history-" + System.nanoTime());
        configuration.setHistory(history);
        if (withPlugin) {
            configuration.setProcessEnginePlugins(List.of(new RecordsHistoryPlugin()));
        }
        return configuration.buildProcessEngine();
    }
}
