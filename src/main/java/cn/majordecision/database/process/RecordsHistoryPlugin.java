package cn.majordecision.database.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Registers {@link RecordsHistoryLevel} for the processes under {@code processes/} (file name = process id), named by
 * {@code camunda.bpm.history-level}. A database the engine set up at the full level, as every one before this level
 * was, is moved to it before the engine checks the level, which it would otherwise refuse as a mismatch: keeping less
 * history from now on loses nothing already kept.
 */
@Component
class RecordsHistoryPlugin extends AbstractProcessEnginePlugin {

    private static final Logger LOG = LoggerFactory.getLogger(RecordsHistoryPlugin.class);

    private final RecordsHistoryLevel level;

    RecordsHistoryPlugin() {
        this.level = new RecordsHistoryLevel(ourProcessKeys());
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomHistoryLevels() == null) {
            configuration.setCustomHistoryLevels(new ArrayList<>());
        }
        configuration.getCustomHistoryLevels().add(level);
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        if (!RecordsHistoryLevel.NAME.equals(configuration.getHistory())) {
            return;
        }
        try (Connection connection = configuration.getDataSource().getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE ACT_GE_PROPERTY SET VALUE_ = ? WHERE NAME_ = 'historyLevel' AND VALUE_ = ?")) {
            update.setString(1, String.valueOf(RecordsHistoryLevel.ID));
            update.setString(2, String.valueOf(HistoryLevel.HISTORY_LEVEL_FULL.getId()));
            if (update.executeUpdate() > 0) {
                if (!connection.getAutoCommit()) {
                    connection.commit();
                }
                LOG.info("Engine history level moved from full to {}: the engine keeps less history from now on",
                        RecordsHistoryLevel.NAME);
            }
        } catch (SQLException noEngineTablesYet) {
            LOG.debug("No engine history level to move yet: {}", noEngineTablesYet.getMessage());
        }
    }

    private static Set<String> ourProcessKeys() {
        try {
            Resource[] models = new PathMatchingResourcePatternResolver().getResources("classpath*:processes/*.bpmn");
            return Arrays.stream(models).map(Resource::getFilename).filter(Objects::nonNull)
                    .map(name -> name.substring(0, name.length() - ".bpmn".length())).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the process models", e);
        }
    }
}
