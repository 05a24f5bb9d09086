package cn.majordecision.calendar.process;

import cn.majordecision.shared.ApplicationClock;
import java.time.Clock;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.joda.time.DateTimeUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Makes the engine read the application's clock when it is shifted ({@code app.clock.shift-to}): task creation
 * times, timers and job due dates then agree with every deadline we compute. The engine's clock is global to the JVM
 * (its {@code ClockUtil} reads Joda-Time's current-millis provider), so it follows the JVM-wide shifted clock, never
 * one context's {@code Clock} bean: a test context with a fixed clock of its own must not stop the engine's time for
 * the other contexts of the JVM.
 */
@Component
class EngineClockPlugin extends AbstractProcessEnginePlugin {

    private final String shiftTo;
    private final String shiftAt;

    EngineClockPlugin(@Value("${" + ApplicationClock.SHIFT_TO + ":}") String shiftTo,
            @Value("${" + ApplicationClock.SHIFT_AT + ":}") String shiftAt) {
        this.shiftTo = shiftTo;
        this.shiftAt = shiftAt;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (!shiftTo.isBlank()) {
            Clock shifted = ApplicationClock.of(shiftTo, shiftAt);
            DateTimeUtils.setCurrentMillisProvider(shifted::millis);
        }
    }
}
