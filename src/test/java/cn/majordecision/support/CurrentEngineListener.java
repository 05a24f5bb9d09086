package cn.majordecision.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * The engine REST API finds its engine in Camunda's JVM-wide registry, by name. Test classes with a context of their
 * own (a fixed clock, other settings) start a second engine under the same name, and the REST API of every other
 * cached context would then talk to it. Before each test class, its own context's engine is made the registered one.
 */
public class CurrentEngineListener implements TestExecutionListener, Ordered {

    @Override
    public void prepareTestInstance(TestContext testContext) {
        testContext.getApplicationContext().getBeanProvider(ProcessEngine.class)
                .ifAvailable(ProcessEngines::registerProcessEngine);
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
