package cn.majordecision.calendar.process;

import java.time.Clock;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.joda.time.DateTimeUtils;
import org.springframework.stereotype.Component;

/**
 * Makes the engine read the application's clock: task creation times, timers and job due dates then agree with every
 * deadline we compute, also when the clock is shifted ({@code app.clock.shift-to}). The engine's clock is global to the
 * JVM (its {@code ClockUtil} reads Joda-Time's current-millis provider).
 */
@Component
class EngineClockPlugin extends AbstractProcessEnginePlugin {

    private final Clock clock;

    EngineClockPlugin(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        DateTimeUtils.setCurrentMillisProvider(clock::millis);
    }
}
